/** A country's U.S. force level: the figure in force on the window's end, the whole series with sources, and context. */
import { forceOn, rowsInWindow } from '../../state/selectors';
import { formatDay } from '../../time/days';
import { isStrike } from '../../data/incident-table';
import { formatWindow, plural, fmt } from '../format';
import { SourceLink } from '../sources-list';
import { useAppStore } from '../store-context';
import { ForceFigureText } from './force-figure';

/** The country panel. */
export function CountryPanel({ iso3 }: { iso3: string }) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const window = useAppStore((s) => s.window);
  const country = data.forces.countries.find((c) => c.iso3 === iso3);
  if (!country || !window) return <p>No force-level data for {iso3}.</p>;
  const inForce = forceOn(derived, iso3, window.end);
  const rows = rowsInWindow(data.incidents, derived.rowsByCountry.get(country.name) ?? [], window);
  const attacks = rows.filter((r) => !isStrike(data.incidents, r)).length;

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">Country</p>
      <h2 id="panel-title" tabIndex={-1}>
        {country.name}
      </h2>
      <p>
        On {formatDay(window.end)}:{' '}
        {inForce ? (
          <ForceFigureText figure={inForce.point} />
        ) : (
          'no U.S. troop figure in force on this date.'
        )}
      </p>
      <p>
        In {formatWindow(window)}: {plural(attacks, 'attack')},{' '}
        {plural(rows.length - attacks, 'U.S. strike')} located in {country.name}.
      </p>
      {country.series.length > 0 && (
        <>
          <h3>Figures over time</h3>
          <ul className="figure-list">
            {country.series.map((f, i) => (
              <li key={i}>
                <ForceFigureText figure={f} />
                {f.note && <span className="muted"> · {f.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {country.context.length > 0 && (
        <>
          <h3>Context (not shaded)</h3>
          <ul className="figure-list">
            {country.context.map((c, i) => (
              <li key={i}>
                {c.value !== null ? fmt(c.value) : (c.value_text ?? 'no number')}
                {c.as_of_text && <> · {c.as_of_text}</>}
                {c.figure_type && <> · {c.figure_type}</>}
                {c.source && (
                  <>
                    {' '}
                    · <SourceLink url={c.source} />
                  </>
                )}
                {c.note && <span className="muted"> · {c.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
