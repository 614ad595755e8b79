/**
 * Histogram bins over the span: days, calendar weeks (Monday to Sunday, UTC) or months, chosen so
 * each bar keeps a readable width. Bins are inclusive day ranges cut at the span's ends.
 */
import { bisector, max, range, sum } from 'd3-array';
import { utcDay, utcMonday, utcMonth, type CountableTimeInterval } from 'd3-time';
import type { DailySeries } from './daily-counts';
import type { DaySpan } from './window';

const MS_PER_DAY = 86_400_000;

export type BinUnit = 'day' | 'week' | 'month';

/** One bar: an inclusive range of days. */
export interface Bin {
  start: number;
  end: number;
}

const INTERVALS: Record<BinUnit, CountableTimeInterval> = {
  day: utcDay,
  week: utcMonday,
  month: utcMonth,
};

/**
 * The bar unit for a span across `widthPx`: days when a day gets at least `minDayPx` (thinner
 * daily bars read as noise), else weeks when a week gets at least `minBarPx`, else months.
 */
export function chooseBinUnit(span: DaySpan, widthPx: number, minDayPx = 6, minBarPx = 3): BinUnit {
  const days = span.end - span.start + 1;
  if (widthPx / days >= minDayPx) return 'day';
  if (widthPx / (days / 7) >= minBarPx) return 'week';
  return 'month';
}

/** The bins covering the span in calendar units, the first and last cut at the span's ends. */
export function makeBins(span: DaySpan, unit: BinUnit): Bin[] {
  const interval = INTERVALS[unit];
  const bins: Bin[] = [];
  let from = interval.floor(new Date(span.start * MS_PER_DAY));
  while (from.getTime() / MS_PER_DAY <= span.end) {
    const next = interval.offset(from, 1);
    const first = Math.round(from.getTime() / MS_PER_DAY);
    const last = Math.round(next.getTime() / MS_PER_DAY) - 1;
    bins.push({ start: Math.max(first, span.start), end: Math.min(last, span.end) });
    from = next;
  }
  return bins;
}

/** Sums of a daily series per bin and category: `out[bin * categories + category]`. */
export function binTotals(series: DailySeries, bins: readonly Bin[]): Float64Array {
  const k = series.categories;
  const out = new Float64Array(bins.length * k);
  bins.forEach((bin, b) => {
    const lo = Math.max(0, bin.start - series.spanStart);
    const hi = Math.min(series.days - 1, bin.end - series.spanStart);
    for (let d = lo; d <= hi; d++) {
      for (let c = 0; c < k; c++) out[b * k + c]! += series.values[d * k + c]!;
    }
  });
  return out;
}

const byEnd = bisector((b: Bin) => b.end);

/** The index of the bin holding `day`, or -1 (bins are sorted and contiguous). */
export function binAt(bins: readonly Bin[], day: number): number {
  // The first bin ending on or after the day holds it, unless the day falls before that bin.
  const i = byEnd.left(bins, day);
  return i < bins.length && bins[i]!.start <= day ? i : -1;
}

/** The tallest bin's total over its categories (0 without bins), from `binTotals`' layout. */
export function maxBinTotal(totals: Float64Array, categories: number): number {
  const n = Math.floor(totals.length / Math.max(1, categories));
  return max(range(n), (b) => sum(totals.subarray(b * categories, (b + 1) * categories))) ?? 0;
}
