/**
 * Window modes (DESIGN.md "Time semantics"). Every window is `[start, end]`, both ends inclusive:
 * - `range`: two free ends (the default);
 * - `cumulative`: the start is pinned to the span's first day, so the window is "everything up to
 *   the end date";
 * - `window`: a moving window of `spanDays` days ending on the end date, `[end − spanDays + 1, end]`,
 *   cut at the span's first day (there is nothing to show before it).
 */
import { clampWindow, type DaySpan, type DayWindow } from './window';

export const WINDOW_MODES = ['range', 'cumulative', 'window'] as const;
export type WindowMode = (typeof WINDOW_MODES)[number];

/** Window lengths offered as presets (days); any other length is "custom". */
export const SPAN_PRESETS = [7, 30, 90] as const;
export const DEFAULT_SPAN_DAYS = 30;
/** Longest custom moving window (ten years), so a typo cannot ask for a million days. */
export const MAX_SPAN_DAYS = 3660;

/** The mode and the moving window's length. */
export interface ModeSettings {
  mode: WindowMode;
  spanDays: number;
}

/** Which end of the window a request moved (the other one follows the mode's rule). */
export type WindowEnd = 'start' | 'end';

const clampDay = (day: number, span: DaySpan) => Math.min(span.end, Math.max(span.start, day));

/** The window a mode gives when its end is on `end` (range mode keeps `start`, or follows `end` below it). */
export function windowEndingAt(
  end: number,
  start: number,
  settings: ModeSettings,
  span: DaySpan,
): DayWindow {
  const e = clampDay(end, span);
  if (settings.mode === 'cumulative') return { start: span.start, end: e };
  if (settings.mode === 'window') {
    return { start: Math.max(span.start, e - settings.spanDays + 1), end: e };
  }
  return { start: Math.min(clampDay(start, span), e), end: e };
}

/**
 * Puts a requested window under the mode's rule and inside the span.
 * @param moved the end the user moved: in a moving window, moving its start drags the whole window
 *   (the end follows at `start + spanDays − 1`); in cumulative mode the start cannot move.
 */
export function constrainWindow(
  requested: DayWindow,
  settings: ModeSettings,
  span: DaySpan,
  moved: WindowEnd = 'end',
): DayWindow {
  if (settings.mode === 'range') return clampWindow(requested, span);
  if (settings.mode === 'window' && moved === 'start') {
    const start = clampDay(requested.start, span);
    return windowEndingAt(start + settings.spanDays - 1, start, settings, span);
  }
  return windowEndingAt(requested.end, requested.start, settings, span);
}

/** A moving window's length from a URL or an input: a whole number of days in 1..MAX_SPAN_DAYS, else null. */
export function validSpanDays(value: number): number | null {
  return Number.isInteger(value) && value >= 1 && value <= MAX_SPAN_DAYS ? value : null;
}
