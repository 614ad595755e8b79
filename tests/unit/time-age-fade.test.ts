import { describe, expect, it } from 'vitest';
import { ageFadeFor, ageStrength, FADE_FLOOR, NO_FADE, shiftFade } from '../../src/time/age-fade';
import { isoToDay } from '../../src/time/days';
import type { DayWindow } from '../../src/time/window';

const d = (iso: string) => isoToDay(iso)!;
const end = d('2024-10-27');
const ending = (days: number): DayWindow => ({ start: end - days + 1, end });
const LENGTHS = [2, 3, 7, 30, 90, 92, 93, 120, 365, 376, 3660];

describe('age fade', () => {
  it('draws the newest day at full strength and the oldest at the floor, in every length', () => {
    for (const days of LENGTHS) {
      const w = ending(days);
      const fade = ageFadeFor(w);
      expect(ageStrength(w.end, fade)).toBe(1);
      expect(ageStrength(w.start, fade)).toBeCloseTo(FADE_FLOOR, 10);
    }
  });

  it('keeps the newest quarter at full strength and fades older days steadily', () => {
    const w = ending(365);
    const fade = ageFadeFor(w);
    for (let day = w.end - 90; day <= w.end; day++) expect(ageStrength(day, fade)).toBe(1);
    let last = 0;
    for (let day = w.start; day <= w.end; day++) {
      const s = ageStrength(day, fade);
      expect(s).toBeGreaterThanOrEqual(last);
      expect(s).toBeGreaterThanOrEqual(FADE_FLOOR);
      last = s;
    }
    // Halfway through the window an incident is visibly fainter than the newest.
    expect(ageStrength(w.start + 182, fade)).toBeLessThan(0.8);
  });

  it('fades a cumulative window past 92 days too, with no jump as it grows', () => {
    // A day's strength as the window's end moves on one day at a time (playback, cumulative).
    const start = d('2023-10-17');
    const day = start + 40;
    let prev = ageStrength(day, ageFadeFor({ start, end: start + 41 }));
    for (let e = start + 42; e < start + 400; e++) {
      const s = ageStrength(day, ageFadeFor({ start, end: e }));
      expect(s).toBeLessThanOrEqual(prev);
      expect(prev - s).toBeLessThan(0.05);
      prev = s;
    }
    expect(prev).toBeLessThan(0.5);
    expect(prev).toBeGreaterThan(FADE_FLOOR);
  });

  it('does not fade a one-day window, nor when the user prefers reduced motion', () => {
    expect(ageFadeFor({ start: end, end })).toEqual(NO_FADE);
    const w = ending(365);
    const off = ageFadeFor(w, false);
    expect(off).toEqual(NO_FADE);
    for (const day of [w.start, w.start + 100, w.end]) expect(ageStrength(day, off)).toBe(1);
  });

  it('gives the same strengths on day offsets once shifted by the origin', () => {
    const w = ending(200);
    const fade = ageFadeFor(w);
    const origin = d('2023-10-17');
    const shifted = shiftFade(fade, origin);
    for (const day of [w.start, w.start + 37, w.start + 120, w.end]) {
      expect(ageStrength(day - origin, shifted)).toBeCloseTo(ageStrength(day, fade), 10);
    }
  });
});
