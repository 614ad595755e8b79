/** Details of one incident. */
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { formatDay } from '../../time/days';
import { incidentAt, rowOfId } from '../../data/incident-table';
import { fmt } from '../format';
import { SourcesList } from '../sources-list';
import { useAppStore } from '../store-context';

const PRECISION_TEXT: Record<string, string> = {
  exact_site: 'exact site',
  city: 'town level (drawn as a ring)',
  approximate: 'approximate (drawn as a ring)',
  none: 'no location (not on the map)',
};

const CONFIDENCE_TEXT: Record<string, string> = {
  high: 'high: U.S. official statement or several agencies agree',
  medium: 'medium: a single credible outlet',
  low: 'low: a claim or an unverified report (drawn lighter)',
};

/** The incident panel. */
export function IncidentPanel({ id }: { id: string }) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const select = useAppStore((s) => s.select);
  const mask = useAppStore((s) => s.filtered?.mask ?? null);
  const countries = useAppStore((s) => s.countryColumn);
  const row = rowOfId(data.incidents, id);
  if (row === undefined) return <p>Unknown incident.</p>;
  const r = incidentAt(data.incidents, row);
  const base = r.base_id ? derived.baseById.get(r.base_id) : undefined;
  const count = (n: number | null) => (n === null ? 'not reported' : fmt(n));
  const located = r.lng !== null;
  // The country the filter and the country panel count it in when the data names none.
  const placedIn = !r.country && countries ? countries.strings[countries.values[row]!] : undefined;

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">
        <span className="swatch" style={{ background: typeCss(r.type) }} aria-hidden="true" />
        {r.type === 'us_strike' ? 'U.S. strike' : 'Attack on U.S. / coalition forces'} · {r.id}
      </p>
      <h2 id="panel-title" tabIndex={-1}>
        {formatDay(r.day)}: {r.target ?? TYPE_LABELS[r.type]}
      </h2>
      {r.date_note && <p className="muted">Date: {r.date_note}</p>}
      {mask && !mask[row] && (
        <p className="filtered-note" data-testid="hidden-by-filters">
          Hidden on the map and in the table by the current filters.
        </p>
      )}
      <dl className="facts">
        <dt>Type</dt>
        <dd>
          {TYPE_LABELS[r.type]}
          {r.weapon && <> ({r.weapon})</>}
        </dd>
        <dt>Target</dt>
        <dd>
          {base ? (
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'base', id: base.id })}
            >
              {r.target ?? base.name}
            </button>
          ) : (
            (r.target ?? 'unknown')
          )}
          {r.country && <> · {r.country}</>}
          {placedIn && (
            <span data-testid="placed-country">
              {' '}
              · {placedIn}{' '}
              <span className="muted">(by its location; the data names no country)</span>
            </span>
          )}
        </dd>
        <dt>Claimed by</dt>
        <dd>
          {r.claimed_by ?? 'no claim reported'}
          {r.claimed_by && r.claimed_by_group !== r.claimed_by && (
            <span className="muted"> (group: {r.claimed_by_group})</span>
          )}
        </dd>
        <dt>U.S. casualties</dt>
        <dd>
          {count(r.us_killed)} killed, {count(r.us_injured)} injured
          {r.casualty_note && <span className="muted"> · reported: {r.casualty_note}</span>}
        </dd>
        {r.other_casualties && (
          <>
            <dt>Other casualties</dt>
            <dd>{r.other_casualties}</dd>
          </>
        )}
        <dt>Confidence</dt>
        <dd>{r.confidence ? CONFIDENCE_TEXT[r.confidence] : 'not stated'}</dd>
        <dt>Location</dt>
        <dd>{located ? PRECISION_TEXT[r.coord_precision ?? 'exact_site'] : PRECISION_TEXT.none}</dd>
      </dl>
      {r.description && <p>{r.description}</p>}
      <h3>Sources</h3>
      <SourcesList urls={r.sources} names={r.source_names} />
    </article>
  );
}
