/**
 * Key events as marks above the histogram. Each is a button (reachable with Tab) whose label is
 * read out and shown on hover or focus; clicking it moves the window to its date and selects its
 * incident. Marks that would overlap are put on further rows.
 */
import { memo, useState } from 'react';
import type { Annotation } from '../../data/annotations';
import { formatDay } from '../../time/days';
import type { DaySpan } from '../../time/window';
import { dayToPct, dayToX } from './scale';

const MARK_PX = 12;
const MAX_ROWS = 3;

interface Props {
  span: DaySpan;
  width: number;
  annotations: Annotation[];
  onPick(a: Annotation): void;
}

/** Row per mark so that marks closer than a mark's width stack instead of overlapping. */
function layoutRows(span: DaySpan, width: number, list: Annotation[]): number[] {
  const lastX: number[] = [];
  return list.map((a) => {
    const x = dayToX(span, width, a.day);
    let row = lastX.findIndex((px) => x - px >= MARK_PX);
    if (row < 0) row = lastX.length < MAX_ROWS ? lastX.length : MAX_ROWS - 1;
    lastX[row] = x;
    return row;
  });
}

/** The marks strip. Marks outside the span are not drawn. */
export const AnnotationMarks = memo(function AnnotationMarks(props: Props) {
  const { span, width, onPick } = props;
  const list = props.annotations.filter((a) => a.day >= span.start && a.day <= span.end);
  const [shown, setShown] = useState<number | null>(null);
  if (list.length === 0) return null;
  const rows = layoutRows(span, width, list);
  const rowCount = Math.max(...rows) + 1;
  const current = shown !== null ? list[shown] : undefined;
  return (
    <div
      className="timeline-marks"
      style={{ height: rowCount * MARK_PX + 2 }}
      role="group"
      aria-label="Key events"
    >
      {list.map((a, i) => (
        <button
          key={`${a.day}-${i}`}
          type="button"
          className="timeline-mark"
          style={{ left: `${dayToPct(span, a.day)}%`, top: rows[i]! * MARK_PX }}
          aria-label={`${formatDay(a.day)}: ${a.label}`}
          data-day={a.day}
          onClick={() => onPick(a)}
          onPointerEnter={() => setShown(i)}
          onPointerLeave={() => setShown((s) => (s === i ? null : s))}
          onFocus={() => setShown(i)}
          onBlur={() => setShown((s) => (s === i ? null : s))}
        />
      ))}
      {current && (
        <div
          className="mark-tooltip"
          role="presentation"
          aria-hidden="true"
          style={{
            left: Math.min(
              width - Math.min(130, width / 2),
              Math.max(Math.min(130, width / 2), dayToX(span, width, current.day)),
            ),
          }}
        >
          <strong>{formatDay(current.day)}</strong> {current.label}
        </div>
      )}
    </div>
  );
});
