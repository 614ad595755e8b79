/**
 * Per-day totals by category (incident type), computed ONCE per dataset: the timeline's bins are
 * sums over these arrays, so drawing or re-binning never scans the incidents.
 */
import type { DaySpan } from './window';

/** Values per day and category over the span: `values[day * categories + category]`. */
export interface DailySeries {
  spanStart: number;
  days: number;
  categories: number;
  values: Float64Array;
}

/**
 * Sums a weight per item into its day and category. Items outside the span are ignored.
 * @param days epoch day per item
 * @param category category index per item (0 … categories − 1)
 * @param weight weight of item i (1 to count, or its casualties)
 */
export function buildDailySeries(
  days: ArrayLike<number>,
  category: ArrayLike<number>,
  categories: number,
  span: DaySpan,
  weight: (i: number) => number,
): DailySeries {
  const n = span.end - span.start + 1;
  const values = new Float64Array(n * categories);
  for (let i = 0; i < days.length; i++) {
    const d = days[i]! - span.start;
    if (d < 0 || d >= n) continue;
    values[d * categories + category[i]!]! += weight(i);
  }
  return { spanStart: span.start, days: n, categories, values };
}
