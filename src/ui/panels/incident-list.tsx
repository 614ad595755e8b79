/** A compact list of incidents (date, type, target); clicking one selects it. */
import type { Incident } from '../../data/types';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { formatDay } from '../../time/days';
import { casualtyText, plural } from '../format';
import { useAppStore } from '../store-context';

/** Clickable incident rows; `more` incidents beyond the list are counted, not listed. */
export function IncidentList({ incidents, more = 0 }: { incidents: Incident[]; more?: number }) {
  const select = useAppStore((s) => s.select);
  if (incidents.length === 0) return <p className="muted">None in this window.</p>;
  return (
    <>
      <ol className="incident-list">
        {incidents.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'incident', id: r.id }, { fly: true })}
            >
              <span className="swatch" style={{ background: typeCss(r.type) }} aria-hidden="true" />
              <span className="incident-date">{formatDay(r.day)}</span> {TYPE_LABELS[r.type]}
              {r.target ? ` · ${r.target}` : ''}
              {casualtyText(r.us_killed, r.us_injured)
                ? ` · ${casualtyText(r.us_killed, r.us_injured)}`
                : ''}
            </button>
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p className="muted">
          …and {plural(more, 'more incident')} in this window (narrow the window to list them).
        </p>
      )}
    </>
  );
}

/** At most this many incidents are listed in a panel; a million-row window must not build a million rows. */
export const LIST_LIMIT = 100;
