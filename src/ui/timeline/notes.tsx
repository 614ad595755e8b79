/** Text under the chart: the official-count comparison and the key event just picked. */
import type { Annotation } from '../../data/annotations';
import { isHttpUrl } from '../../data/safe-url';
import { comparisonOn, type OfficialComparison } from '../../state/selectors';
import { formatDay } from '../../time/days';
import { fmt } from '../format';

/**
 * Explains the reference lines: the official count in force at the window's end next to the
 * sample's count on the same day.
 */
export function OfficialNote({
  list,
  end,
  filtered = false,
}: {
  list: OfficialComparison[];
  end: number;
  /** Filters are on: the comparison still counts the whole sample, and says so. */
  filtered?: boolean;
}) {
  const c = comparisonOn(list, end);
  if (!c) return null;
  return (
    <p className="timeline-note official-note" data-testid="official-note">
      <span className="legend-line official" aria-hidden="true" /> Official count:{' '}
      <strong>{fmt(c.official)}</strong> attacks by {formatDay(c.day)} ·{' '}
      <span className="legend-line sample" aria-hidden="true" /> this sample:{' '}
      <strong>{fmt(c.sample)}</strong>.{' '}
      <span className="note-more">The sample lists only attacks documented with sources.</span>
      {filtered && <span className="note-more"> Both counts ignore the filters.</span>}
    </p>
  );
}

/** The key event last picked on the timeline, with its source as a link when it is http(s). */
export function EventNote({ event, onClose }: { event: Annotation; onClose(): void }) {
  return (
    <p className="timeline-note event-note" data-testid="event-note">
      <strong>{formatDay(event.day)}</strong>: {event.label}
      {event.source &&
        (isHttpUrl(event.source) ? (
          <>
            {' '}
            ·{' '}
            <a href={event.source} target="_blank" rel="noopener noreferrer">
              source
            </a>
          </>
        ) : null)}{' '}
      <button type="button" className="link-button" onClick={onClose} aria-label="Close event note">
        ×
      </button>
    </p>
  );
}
