/**
 * Per-day prefix sums over the span, so any window total is two array reads:
 * `total(start..end) = prefix[end - spanStart + 1] - prefix[start - spanStart]`.
 */
import type { DaySpan, DayWindow } from './window';

/** One prefix-sum series over the span (length = span days + 1, prefix[0] = 0). */
export interface DayPrefix {
  spanStart: number;
  values: Float64Array;
}

/**
 * Builds a prefix series from per-item days and weights. Items outside the span are ignored.
 * @param days epoch day per item (any order)
 * @param weight weight of item i (e.g. 1 to count, or casualties); skipped when it returns 0
 */
export function buildDayPrefix(
  days: ArrayLike<number>,
  span: DaySpan,
  weight: (i: number) => number,
): DayPrefix {
  const length = span.end - span.start + 1;
  const perDay = new Float64Array(length + 1);
  for (let i = 0; i < days.length; i++) {
    const d = days[i]! - span.start;
    if (d < 0 || d >= length) continue;
    const w = weight(i);
    if (w !== 0) perDay[d + 1]! += w;
  }
  for (let k = 1; k <= length; k++) perDay[k]! += perDay[k - 1]!;
  return { spanStart: span.start, values: perDay };
}

/** Sum of the series over an inclusive window (clamped to the span). */
export function windowSum(prefix: DayPrefix, w: DayWindow): number {
  const n = prefix.values.length - 1;
  const a = Math.max(0, Math.min(n, w.start - prefix.spanStart));
  const b = Math.max(0, Math.min(n, w.end - prefix.spanStart + 1));
  return b > a ? prefix.values[b]! - prefix.values[a]! : 0;
}
