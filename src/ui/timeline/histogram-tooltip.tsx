/**
 * The read-out of one bar (under the pointer, or holding the end the keyboard moved): its dates,
 * its counts by type, the running counts.
 */
import { sum } from 'd3-array';
import { INCIDENT_TYPES } from '../../data/types';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import type { OfficialComparison } from '../../state/selectors';
import type { Weight } from '../../state/url-schema';
import type { Bin } from '../../time/bins';
import { formatDay } from '../../time/days';
import { formatWindow, fmt, plural } from '../format';

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');

interface Props {
  bin: Bin;
  /** The bar's totals per type (INCIDENT_TYPES order). */
  sums: Float64Array;
  weight: Weight;
  /** Centre of the bar, px. */
  left: number;
  width: number;
  comparison: { sample: number; official: OfficialComparison | null } | null;
}

/** Tooltip above the bar (kept inside the chart's width). */
export function HistogramTooltip({ bin, sums, weight, left, width, comparison }: Props) {
  const strikes = sums[STRIKE]!;
  const attacks = sum(sums) - strikes;
  const byType = INCIDENT_TYPES.map((type, k) => ({ type, v: sums[k]! })).filter((t) => t.v > 0);
  const half = Math.min(110, width / 2);
  return (
    <div
      className="histogram-tooltip"
      role="presentation"
      style={{ left: Math.min(width - half, Math.max(half, left)) }}
    >
      <strong>{formatWindow(bin)}</strong>
      <div>
        {weight === 'casualties'
          ? `${fmt(attacks)} U.S. killed or injured`
          : `${plural(attacks, 'attack')} · ${plural(strikes, 'U.S. strike')}`}
      </div>
      {byType.length > 0 && (
        <ul className="tooltip-types">
          {byType.map(({ type, v }) => (
            <li key={type}>
              <span className="swatch" style={{ background: typeCss(type) }} />
              {TYPE_LABELS[type]}: {fmt(v)}
            </li>
          ))}
        </ul>
      )}
      {comparison && (
        <div className="tooltip-running">
          Running count to {formatDay(bin.end)}: {fmt(comparison.sample)} in this sample
          {comparison.official &&
            `; official ${fmt(comparison.official.official)} (as of ${formatDay(comparison.official.day)})`}
        </div>
      )}
    </div>
  );
}
