/** A small step chart of a force-level series: each figure holds until the next; the window's end is marked. */
import type { ForceFigure } from '../../data/types';
import type { StepPoint } from '../../time/step-series';
import { formatDay } from '../../time/days';
import { fmt, formatPartialDate } from '../format';

const W = 320;
const H = 104;
const PAD = { left: 40, right: 10, top: 20, bottom: 18 };

/** Round number at or above `v` for the y axis (1, 2, 2.5 or 5 × a power of ten). */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/**
 * The series as a step line from its first figure to the later of its last figure and `day`, a
 * dot per figure (numbered like the list below it) and a vertical mark at `day`.
 */
export function StepChart({
  series,
  day,
  inForce,
}: {
  series: readonly StepPoint<ForceFigure>[];
  /** The window's end date. */
  day: number;
  /** Index in `series` of the figure in force on `day`, or -1. */
  inForce: number;
}) {
  if (series.length === 0) return null;
  const x0 = Math.min(series[0]!.from, day);
  const x1 = Math.max(series.at(-1)!.from, day) + 30;
  const yMax = niceMax(Math.max(...series.map((s) => s.point.value)));
  const x = (d: number) => PAD.left + ((d - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / yMax) * (H - PAD.top - PAD.bottom);
  const path = series
    .map((s, i) => {
      const sy = y(s.point.value).toFixed(1);
      const end = x(series[i + 1]?.from ?? x1).toFixed(1);
      return `${i === 0 ? `M${x(s.from).toFixed(1)},${sy}` : `V${sy}`}H${end}`;
    })
    .join('');
  const dayX = x(day);
  const label = `Step chart of ${series.length} figures from ${formatPartialDate(series[0]!.point.as_of)} to ${formatPartialDate(series.at(-1)!.point.as_of)}, maximum ${fmt(Math.max(...series.map((s) => s.point.value)))}; ${inForce >= 0 ? `figure ${inForce + 1} is in force` : 'no figure is in force'} on ${formatDay(day)}.`;
  return (
    <svg className="step-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      <text className="tick" x={PAD.left - 4} y={y(yMax) + 4} textAnchor="end">
        {fmt(yMax)}
      </text>
      <text className="tick" x={PAD.left - 4} y={y(0)} textAnchor="end">
        0
      </text>
      <text className="tick" x={PAD.left} y={H - 4}>
        {new Date(x0 * 86_400_000).getUTCFullYear()}
      </text>
      <text className="tick" x={W - PAD.right} y={H - 4} textAnchor="end">
        {new Date(x1 * 86_400_000).getUTCFullYear()}
      </text>
      <path className="step-line" d={path} />
      <line className="day-mark" x1={dayX} x2={dayX} y1={PAD.top - 6} y2={y(0)} />
      {series.map((s, i) => (
        <g key={i} className={i === inForce ? 'step-point in-force' : 'step-point'}>
          <circle cx={x(s.from)} cy={y(s.point.value)} r={i === inForce ? 4.5 : 3.5}>
            <title>
              {`${i + 1}. ${fmt(s.point.value)} U.S. troops, as of ${formatPartialDate(s.point.as_of)}`}
            </title>
          </circle>
          <text className="point-number" x={x(s.from)} y={y(s.point.value) - 7} textAnchor="middle">
            {i + 1}
          </text>
        </g>
      ))}
    </svg>
  );
}
