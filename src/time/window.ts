/**
 * Time windows. A window is `[start, end]` in epoch days, BOTH ENDS INCLUSIVE: the window
 * 2024-01-28..2024-01-28 holds every incident dated 28 Jan 2024.
 */

/** An inclusive range of whole UTC days. */
export interface DayWindow {
  start: number;
  end: number;
}

/** The data's time span: first to last incident day, inclusive. */
export type DaySpan = DayWindow;

/** Number of days in a window, counting both ends. */
export function windowLength(w: DayWindow): number {
  return w.end - w.start + 1;
}

/**
 * Puts a requested window inside the span: swaps reversed ends, clamps each end to the span.
 * Both ends may land on the same day (a one-day window).
 */
export function clampWindow(w: DayWindow, span: DaySpan): DayWindow {
  const lo = Math.min(w.start, w.end);
  const hi = Math.max(w.start, w.end);
  const clamp = (d: number) => Math.min(span.end, Math.max(span.start, d));
  return { start: clamp(lo), end: clamp(hi) };
}

/** True when `day` lies inside the window, ends included. */
export function inWindow(day: number, w: DayWindow): boolean {
  return day >= w.start && day <= w.end;
}

/** True when two windows have the same ends. */
export function sameWindow(a: DayWindow, b: DayWindow): boolean {
  return a.start === b.start && a.end === b.end;
}
