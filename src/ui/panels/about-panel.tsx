/** About the dataset: title, as-of date, caveat, attribution, sources and official counts. */
import { formatDay } from '../../time/days';
import { isoToDay } from '../../time/days';
import { fmt } from '../format';
import { SourceLink } from '../sources-list';
import { useAppStore } from '../store-context';

/** The About panel. */
export function AboutPanel() {
  const dataset = useAppStore((s) => s.data?.dataset ?? null);
  const count = useAppStore((s) => s.data?.incidents.length ?? 0);
  const day = (iso: string | null) =>
    iso && isoToDay(iso) !== null ? formatDay(isoToDay(iso)!) : iso;
  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">About this map</p>
      <h2 id="panel-title" tabIndex={-1}>
        {dataset?.title ?? 'Incident data'}
      </h2>
      {!dataset && <p>This data came without a description. {fmt(count)} incidents loaded.</p>}
      {dataset?.description && <p>{dataset.description}</p>}
      {dataset?.as_of && <p>Data as of {day(dataset.as_of)}.</p>}
      {dataset?.caveat && <p className="note">{dataset.caveat}</p>}
      {dataset && dataset.official_counts.length > 0 && (
        <>
          <h3>Official cumulative counts, for reference</h3>
          <table className="small-table">
            <thead>
              <tr>
                <th scope="col">As of</th>
                <th scope="col">Attacks</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {dataset.official_counts.map((c) => (
                <tr key={`${c.as_of}-${c.attacks}`}>
                  <td>{day(c.as_of)}</td>
                  <td>
                    {fmt(c.attacks)}
                    {c.note && <span className="muted"> ({c.note})</span>}
                  </td>
                  <td>
                    {c.url ? <SourceLink url={c.url} label={c.source ?? undefined} /> : c.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {dataset && dataset.sources.length > 0 && (
        <>
          <h3>Main sources</h3>
          <ul className="sources">
            {dataset.sources.map((s) => (
              <li key={s.label + (s.url ?? '')}>
                {s.url ? <SourceLink url={s.url} label={s.label} /> : s.label}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Attribution</h3>
      <ul>
        {(dataset?.attribution.length
          ? dataset.attribution
          : ['Basemap: Natural Earth (public domain)']
        ).map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <h3>Reading the map</h3>
      <p>
        Each incident is drawn at the base or town it concerns, not at the impact point. Filled dots
        are exact sites, rings are town-level or approximate locations, and faint marks are
        low-confidence reports. Incidents with no known location count in the totals but are not
        drawn.
      </p>
    </article>
  );
}
