/**
 * The timeline's horizontal scale, shared by the slider, the bars, the marks and the axis so they
 * line up: the span's first day at 0, its last at `width`; day `d` covers `[d − ½, d + ½]`.
 */
import type { DaySpan } from '../../time/window';

/** Position of a day (or a fractional day) across `width` pixels. */
export function dayToX(span: DaySpan, width: number, day: number): number {
  return ((day - span.start) / Math.max(1, span.end - span.start)) * width;
}

/** Position of a day as a percentage of the width (for CSS `left`). */
export function dayToPct(span: DaySpan, day: number): number {
  return ((day - span.start) / Math.max(1, span.end - span.start)) * 100;
}

/** The day under a position (fractional; round it for a whole day). */
export function xToDay(span: DaySpan, width: number, x: number): number {
  return span.start + (x / Math.max(1, width)) * Math.max(1, span.end - span.start);
}
