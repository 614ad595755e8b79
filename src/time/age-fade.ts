/**
 * Age fade: inside the window, incidents are drawn fainter the older they are, so the newest stand
 * out. The newest quarter of the window keeps full strength; from there the strength falls linearly
 * to FADE_FLOOR on the window's first day. The floor keeps the oldest incidents on the map (a fade
 * to nothing would hide data the window says is shown), and the shares are relative to the window,
 * so the fade changes smoothly as a window grows or shrinks: any length, any mode, no threshold.
 * A one-day window has nothing older to fade. The map applies it as shader uniforms only.
 */
import { windowLength, type DayWindow } from './window';

/** Strength (opacity factor) of incidents on the window's first day. */
export const FADE_FLOOR = 0.35;
/** Share of the window, counted back from its end, drawn at full strength. */
export const FULL_SHARE = 0.25;

/** A fade over days: strength FLOOR at `oldest`, rising linearly to 1 at `full` and after. */
export interface AgeFade {
  /** The window's first day (strength `floor`). */
  oldest: number;
  /** The first day (fractional) at full strength. */
  full: number;
  /** Strength at `oldest`, 0..1; 1 means no fade at all. */
  floor: number;
}

/** No fade: every day at full strength. */
export const NO_FADE: AgeFade = { oldest: 0, full: 0, floor: 1 };

/**
 * The fade for a window (both ends inclusive).
 * @param enabled false when the user prefers reduced motion: no fade then
 */
export function ageFadeFor(w: DayWindow, enabled = true): AgeFade {
  const days = windowLength(w);
  if (!enabled || days < 2) return NO_FADE;
  return { oldest: w.start, full: w.end - (days - 1) * FULL_SHARE, floor: FADE_FLOOR };
}

/**
 * Strength of an incident on `day` under a fade (the map's shader computes the same on the GPU).
 * Days before `oldest` get the floor: the time filter, not the fade, decides what is shown.
 */
export function ageStrength(day: number, fade: AgeFade): number {
  if (day >= fade.full) return 1;
  const t = Math.min(1, Math.max(0, (day - fade.oldest) / Math.max(1e-6, fade.full - fade.oldest)));
  return fade.floor + (1 - fade.floor) * t;
}

/** The fade with its days shifted by `-origin` (the map's filter values are offsets from it). */
export function shiftFade(fade: AgeFade, origin: number): AgeFade {
  return { oldest: fade.oldest - origin, full: fade.full - origin, floor: fade.floor };
}
