/**
 * The bars behind the slider: incidents (or U.S. casualties) per day, week or month, stacked by
 * type in the legend's colours, with an optional reference line of official cumulative counts.
 * Bins are sums over the per-day totals computed once per dataset; they are recomputed only when
 * the width, the span or the weighting changes, never while scrubbing or playing. Decorative for
 * screen readers (the counts line and the live region carry the numbers).
 */
import { memo, useMemo, useState, type PointerEvent } from 'react';
import { bisector } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { INCIDENT_TYPES, type IncidentType } from '../../data/types';
import { typeCss } from '../../state/palette';
import type { DailyTotals, OfficialComparison } from '../../state/selectors';
import type { Weight } from '../../state/url-schema';
import {
  binAt,
  binTotals,
  chooseBinUnit,
  makeBins,
  maxBinTotal,
  type Bin,
  type BinUnit,
} from '../../time/bins';
import type { DaySpan } from '../../time/window';
import { HistogramTooltip } from './histogram-tooltip';
import { ReferenceLines } from './reference-lines';
import { dayToX, xToDay } from './scale';

const K = INCIDENT_TYPES.length;
const UNIT_TEXT: Record<BinUnit, string> = { day: 'a day', week: 'a week', month: 'a month' };

interface Props {
  span: DaySpan;
  width: number;
  height: number;
  weight: Weight;
  totals: DailyTotals;
  /** Official counts with the sample's count on their days, when the reference line is shown. */
  comparisons: OfficialComparison[] | null;
  /** The sample's running count of attacks up to a day. */
  sampleUpTo: (day: number) => number;
  /**
   * The day whose bar to read out when no bar is bar: the end the keyboard just moved, so
   * keyboard users get the read-out too (null: none).
   */
  keyDay?: number | null;
}

/** Bins, their stacked totals and the tallest bar's total for a width and weighting. */
export function useBins(span: DaySpan, width: number, totals: DailyTotals, weight: Weight) {
  const unit = chooseBinUnit(span, width);
  const bins = useMemo(() => makeBins(span, unit), [span, unit]);
  const sums = useMemo(
    () => binTotals(weight === 'casualties' ? totals.casualties : totals.count, bins),
    [bins, totals, weight],
  );
  const max = useMemo(() => maxBinTotal(sums, K), [sums]);
  return { unit, bins, sums, max };
}

/** One `path` per type: every bar's segment of that type (a few paths instead of thousands of rects). */
function barPaths(
  span: DaySpan,
  width: number,
  height: number,
  bins: Bin[],
  sums: Float64Array,
  max: number,
): { type: IncidentType; d: string }[] {
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([height, 2]);
  const parts: string[][] = INCIDENT_TYPES.map(() => []);
  bins.forEach((bin, b) => {
    const x0 = Math.max(0, dayToX(span, width, bin.start - 0.5));
    const x1 = Math.min(width, dayToX(span, width, bin.end + 0.5));
    // A pixel of air between bars that are wide enough to spare it.
    const right = x1 - x0 >= 4 ? x1 - 1 : x1;
    let base = 0;
    for (let k = 0; k < K; k++) {
      const v = sums[b * K + k]!;
      if (v <= 0) continue;
      const top = base + v;
      parts[k]!.push(
        `M${x0.toFixed(1)},${y(top).toFixed(1)}H${right.toFixed(1)}V${y(base).toFixed(1)}H${x0.toFixed(1)}Z`,
      );
      base = top;
    }
  });
  return INCIDENT_TYPES.map((type, k) => ({ type, d: parts[k]!.join('') })).filter((p) => p.d);
}

/** The stacked bars (memoized: re-rendered only when bins, size or weighting change). */
const Bars = memo(function Bars(props: {
  span: DaySpan;
  width: number;
  height: number;
  bins: Bin[];
  sums: Float64Array;
  max: number;
}) {
  const paths = useMemo(
    () => barPaths(props.span, props.width, props.height, props.bins, props.sums, props.max),
    [props.span, props.width, props.height, props.bins, props.sums, props.max],
  );
  return (
    <g className="bars">
      {paths.map((p) => (
        <path key={p.type} className="bar" data-type={p.type} d={p.d} fill={typeCss(p.type)} />
      ))}
    </g>
  );
});

/** The histogram with its read-out of the hovered bar (or the keyboard's, see `keyDay`). */
export const Histogram = memo(function Histogram(props: Props) {
  const { span, width, height, weight, totals, comparisons, sampleUpTo, keyDay = null } = props;
  const { unit, bins, sums, max } = useBins(span, width, totals, weight);
  const [hover, setHover] = useState<number | null>(null);

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    // While a thumb is dragged the read-out would only flicker.
    if (e.buttons !== 0) return setHover(null);
    const rect = e.currentTarget.getBoundingClientRect();
    const b = binAt(bins, Math.round(xToDay(span, rect.width, e.clientX - rect.left)));
    setHover(b < 0 ? null : b);
  };

  const keyBin = keyDay === null ? -1 : binAt(bins, keyDay);
  const shown = hover !== null && hover < bins.length ? hover : keyBin >= 0 ? keyBin : null;
  const bar = shown === null ? null : bins[shown]!;
  return (
    <div
      className="histogram"
      data-testid="histogram"
      data-bin-unit={unit}
      aria-hidden="true"
      onPointerMove={onPointerMove}
      onPointerLeave={() => setHover(null)}
    >
      <svg width={width} height={height} className="histogram-svg">
        <Bars span={span} width={width} height={height} bins={bins} sums={sums} max={max} />
        {bar && (
          <rect
            className="bar-hover"
            x={Math.max(0, dayToX(span, width, bar.start - 0.5))}
            width={Math.max(
              1,
              Math.min(width, dayToX(span, width, bar.end + 0.5)) -
                Math.max(0, dayToX(span, width, bar.start - 0.5)),
            )}
            y={0}
            height={height}
          />
        )}
        {comparisons && weight === 'count' && (
          <ReferenceLines
            span={span}
            width={width}
            height={height}
            bins={bins}
            comparisons={comparisons}
            sampleUpTo={sampleUpTo}
          />
        )}
      </svg>
      <span className="histogram-max">
        {max > 0
          ? `${max.toLocaleString('en-US')} ${weight === 'casualties' ? 'U.S. casualties' : max === 1 ? 'incident' : 'incidents'} ${UNIT_TEXT[unit]}`
          : weight === 'casualties'
            ? 'No U.S. casualties reported'
            : ''}
      </span>
      {bar && (
        <HistogramTooltip
          bin={bar}
          sums={sums.subarray(shown! * K, shown! * K + K)}
          weight={weight}
          left={dayToX(span, width, (bar.start + bar.end) / 2)}
          width={width}
          comparison={
            comparisons && weight === 'count'
              ? {
                  sample: sampleUpTo(bar.end),
                  official: latestBefore(comparisons, bar.end),
                }
              : null
          }
        />
      )}
    </div>
  );
});

const byDay = bisector((c: OfficialComparison) => c.day);

/** The latest official count on or before a day, or null (the list is sorted by day). */
function latestBefore(list: OfficialComparison[], day: number): OfficialComparison | null {
  return list[byDay.right(list, day) - 1] ?? null;
}
