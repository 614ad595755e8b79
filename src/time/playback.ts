/**
 * Playback and stepping move the window's END (the playhead); the mode decides the start
 * (see window-modes.ts). In range mode the start stays put unless the end passes below it.
 */
import { windowEndingAt, type ModeSettings } from './window-modes';
import type { DaySpan, DayWindow } from './window';

/** Playback speeds, in days per second: a day, three days, a week, two weeks and a month per second. */
export const SPEEDS = [1, 3, 7, 14, 30] as const;
export type Speed = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: Speed = 7;

const SPEED_LABELS: Record<Speed, string> = {
  1: '1 day/s',
  3: '3 days/s',
  7: '1 week/s',
  14: '2 weeks/s',
  30: '1 month/s',
};

/** Short label of a speed, e.g. "1 week/s". */
export function speedLabel(speed: Speed): string {
  return SPEED_LABELS[speed];
}

/** Whether a number is one of the offered speeds. */
export function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

/** The window with its end moved by `days` (negative: back), under the mode's rule. */
export function moveEnd(
  w: DayWindow,
  days: number,
  settings: ModeSettings,
  span: DaySpan,
): DayWindow {
  return windowEndingAt(w.end + days, w.start, settings, span);
}

/** The window with its end on `day`, under the mode's rule. */
export function jumpEnd(
  w: DayWindow,
  day: number,
  settings: ModeSettings,
  span: DaySpan,
): DayWindow {
  return windowEndingAt(day, w.start, settings, span);
}

/**
 * Where Play starts over when the end is already on the span's last day: range mode replays from
 * its start handle (a one-day window that grows), the other modes from the span's first day.
 */
export function restartEnd(w: DayWindow, settings: ModeSettings, span: DaySpan): number {
  return settings.mode === 'range' ? w.start : span.start;
}

/** The window when Play is pressed: unchanged, or started over when it is at the span's end. */
export function playFrom(w: DayWindow, settings: ModeSettings, span: DaySpan): DayWindow {
  return w.end >= span.end ? jumpEnd(w, restartEnd(w, settings, span), settings, span) : w;
}

/**
 * One playback tick of `days` whole days. At the span's end playback stops, or with `loop` shows
 * the last day for one tick and then starts over.
 */
export function playbackStep(
  w: DayWindow,
  days: number,
  settings: ModeSettings,
  span: DaySpan,
  loop: boolean,
): { window: DayWindow; playing: boolean } {
  if (w.end >= span.end) {
    if (!loop) return { window: w, playing: false };
    return { window: jumpEnd(w, restartEnd(w, settings, span), settings, span), playing: true };
  }
  const next = moveEnd(w, days, settings, span);
  return { window: next, playing: loop || next.end < span.end };
}

/**
 * The window moved to show a day as its newest (a key event picked on the timeline): a range keeps
 * its length and ends on the day; the other modes put their end on it.
 */
export function windowAt(
  day: number,
  w: DayWindow,
  settings: ModeSettings,
  span: DaySpan,
): DayWindow {
  if (settings.mode !== 'range') return jumpEnd(w, day, settings, span);
  const end = Math.min(span.end, Math.max(span.start, day));
  return { start: Math.max(span.start, end - (w.end - w.start)), end };
}
