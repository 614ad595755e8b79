/**
 * Step series (force levels): the value on a date is the latest point whose `from` day is
 * on or before that date. A partial as-of date (`2024`, `2024-06`) takes effect at the
 * period's start.
 */
import { bisector } from 'd3-array';
import { partialDateRange } from './days';

/** A point of a step series with the day it takes effect. */
export interface StepPoint<T> {
  from: number;
  point: T;
}

/** Orders points by the day they take effect; points whose as-of is not a date are dropped. */
export function buildStepSeries<T extends { as_of: string }>(points: readonly T[]): StepPoint<T>[] {
  const out: StepPoint<T>[] = [];
  for (const point of points) {
    const range = partialDateRange(point.as_of);
    if (range) out.push({ from: range.first, point });
  }
  return out.sort((a, b) => a.from - b.from);
}

const byFrom = bisector((p: StepPoint<unknown>) => p.from);

/** The point in force on `day`, or `null` before the first point. */
export function valueOn<T>(series: readonly StepPoint<T>[], day: number): StepPoint<T> | null {
  // The last point taking effect on or before the day (several on one day: the last listed).
  return series[byFrom.right(series, day) - 1] ?? null;
}
