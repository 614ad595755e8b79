/** A small weekly bar chart over the data's whole span, with the window shaded. */
import type { WeeklySeries } from '../../state/base-analysis';
import { formatDay } from '../../time/days';
import type { DayWindow } from '../../time/window';

const W = 300;
const H = 40;

/** Weekly counts as bars; weeks inside the window are drawn darker on a shaded band. */
export function Sparkline({
  series,
  window,
  what,
}: {
  series: WeeklySeries;
  window: DayWindow;
  /** What is counted, for the accessible summary ("attacks within 25 km"). */
  what: string;
}) {
  const n = series.counts.length;
  const step = W / Math.max(1, n);
  const week = (day: number) => Math.floor((day - series.firstDay) / 7);
  const from = Math.max(0, week(window.start));
  const to = Math.min(n - 1, week(window.end));
  const last = series.firstDay + (n - 1) * 7;
  let peak = 0;
  series.counts.forEach((c, i) => {
    if (c > series.counts[peak]!) peak = i;
  });
  const range = `from ${formatDay(series.firstDay)} to ${formatDay(last + 6)}`;
  const summary =
    series.max === 0
      ? `No ${what} in any week ${range}.`
      : `Weekly ${what} ${range}; busiest week ${formatDay(series.firstDay + peak * 7)} with ${series.max}; the window is shaded.`;
  return (
    <figure className="sparkline" data-testid="sparkline">
      <figcaption>
        {what} per week (busiest: {series.max}); the window is shaded
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <rect
          className="sparkline-window"
          x={from * step}
          y={0}
          width={Math.max(step, (to - from + 1) * step)}
          height={H}
        />
        {Array.from(series.counts, (c, i) =>
          c === 0 ? null : (
            <rect
              key={i}
              className={i >= from && i <= to ? 'sparkline-bar in' : 'sparkline-bar'}
              x={i * step + 0.15 * step}
              width={Math.max(0.8, step * 0.7)}
              y={H - Math.max(1.5, (c / series.max) * (H - 2))}
              height={Math.max(1.5, (c / series.max) * (H - 2))}
            />
          ),
        )}
      </svg>
      <div className="sparkline-ends" aria-hidden="true">
        <span>{formatDay(series.firstDay)}</span>
        <span>{formatDay(last + 6)}</span>
      </div>
    </figure>
  );
}
