/** A compact list of incidents (date, type, target); clicking one selects it. */
import type { Incident } from '../../data/types';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { formatDay } from '../../time/days';
import { casualtyText } from '../format';
import { useAppStore } from '../store-context';

/** Clickable incident rows. */
export function IncidentList({ incidents }: { incidents: Incident[] }) {
  const select = useAppStore((s) => s.select);
  if (incidents.length === 0) return <p className="muted">None in this window.</p>;
  return (
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
  );
}
