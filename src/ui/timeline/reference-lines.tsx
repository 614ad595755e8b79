/**
 * Official cumulative counts (e.g. the Pentagon's running totals) as a dashed line with dots,
 * against the sample's own running count of attacks as a solid line, over the period the official
 * counts cover. Drawn on their own vertical scale, over the bars.
 */
import { memo, useMemo } from 'react';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { OfficialComparison } from '../../state/selectors';
import type { Bin } from '../../time/bins';
import type { DaySpan } from '../../time/window';
import { dayToX } from './scale';

interface Props {
  span: DaySpan;
  width: number;
  height: number;
  bins: Bin[];
  comparisons: OfficialComparison[];
  sampleUpTo: (day: number) => number;
}

/** The two running-count lines. */
export const ReferenceLines = memo(function ReferenceLines(props: Props) {
  const { span, width, height, bins, comparisons, sampleUpTo } = props;
  const lines = useMemo(() => {
    if (comparisons.length === 0) return null;
    const last = comparisons[comparisons.length - 1]!.day;
    const x = (day: number) => dayToX(span, width, day + 0.5);
    const sample: [number, number][] = [[dayToX(span, width, span.start - 0.5), 0]];
    for (const bin of bins) {
      if (bin.start > last) break;
      const end = Math.min(bin.end, last);
      sample.push([x(end), sampleUpTo(end)]);
    }
    const official = comparisons.map((c) => [x(c.day), c.official] as [number, number]);
    const top = Math.max(1, max(official, (p) => p[1]) ?? 0, max(sample, (p) => p[1]) ?? 0);
    const y = scaleLinear()
      .domain([0, top])
      .range([height - 1, 4]);
    const path = (pts: [number, number][]) =>
      pts.map(([px, v], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${y(v).toFixed(1)}`).join('');
    return {
      sample: path(sample),
      official: path(official),
      dots: official.map(([px, v]) => ({ cx: px, cy: y(v) })),
    };
  }, [span, width, height, bins, comparisons, sampleUpTo]);
  if (!lines) return null;
  return (
    <g className="reference-lines" data-testid="reference-lines">
      <path className="reference-sample" d={lines.sample} />
      <path className="reference-official" d={lines.official} />
      {lines.dots.map((d, i) => (
        <circle key={i} className="reference-dot" cx={d.cx} cy={d.cy} r={2.2} />
      ))}
    </g>
  );
});
