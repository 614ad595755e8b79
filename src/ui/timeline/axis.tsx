/** Date ticks under the slider (d3 time ticks, compact labels); decorative, the inputs carry dates. */
import { memo } from 'react';
import { dayTicks } from '../../time/ticks';
import type { DaySpan } from '../../time/window';
import { dayToPct } from './scale';

/** The axis for a span across `width` pixels. */
export const Axis = memo(function Axis({ span, width }: { span: DaySpan; width: number }) {
  const ticks = dayTicks(span, width, width < 500 ? 60 : 75);
  return (
    <div className="timeline-axis" aria-hidden="true" data-testid="timeline-axis">
      {ticks.map((t) => (
        <span key={t.day} className="axis-tick" style={{ left: `${dayToPct(span, t.day)}%` }}>
          {t.label}
        </span>
      ))}
    </div>
  );
});
