import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/time/days';
import {
  isSpeed,
  moveEnd,
  playbackStep,
  playFrom,
  SPEEDS,
  speedLabel,
  windowAt,
} from '../../src/time/playback';
import type { ModeSettings } from '../../src/time/window-modes';

const d = (iso: string) => isoToDay(iso)!;
const span = { start: d('2023-10-17'), end: d('2024-10-27') };
const range: ModeSettings = { mode: 'range', spanDays: 30 };
const cumulative: ModeSettings = { mode: 'cumulative', spanDays: 30 };
const month: ModeSettings = { mode: 'window', spanDays: 30 };

describe('playback', () => {
  it('offers at least five speeds from a day to a month per second', () => {
    expect(SPEEDS.length).toBeGreaterThanOrEqual(5);
    expect(SPEEDS[0]).toBe(1);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(30);
    expect(SPEEDS.map(speedLabel)).toEqual([
      '1 day/s',
      '3 days/s',
      '1 week/s',
      '2 weeks/s',
      '1 month/s',
    ]);
    expect(isSpeed(7)).toBe(true);
    expect(isSpeed(5)).toBe(false);
  });

  it('steps move the end; the start follows the mode', () => {
    const w = { start: d('2024-01-01'), end: d('2024-01-28') };
    expect(moveEnd(w, 7, range, span)).toEqual({ start: d('2024-01-01'), end: d('2024-02-04') });
    expect(moveEnd(w, -1, cumulative, span)).toEqual({ start: span.start, end: d('2024-01-27') });
    expect(moveEnd(w, 1, month, span)).toEqual({ start: d('2023-12-31'), end: d('2024-01-29') });
    expect(moveEnd(w, 1000, range, span).end).toBe(span.end);
    expect(moveEnd(w, -1000, range, span)).toEqual({ start: span.start, end: span.start });
  });

  it('Play at the last day starts over: range from its start, the others from the first day', () => {
    const atEnd = { start: d('2024-01-01'), end: span.end };
    expect(playFrom(atEnd, range, span)).toEqual({ start: d('2024-01-01'), end: d('2024-01-01') });
    expect(playFrom(atEnd, cumulative, span)).toEqual({ start: span.start, end: span.start });
    expect(playFrom(atEnd, month, span)).toEqual({ start: span.start, end: span.start });
    const mid = { start: d('2024-01-01'), end: d('2024-02-01') };
    expect(playFrom(mid, range, span)).toBe(mid);
  });

  it('stops at the last day, or with loop shows it once and starts over', () => {
    const near = { start: d('2024-10-01'), end: d('2024-10-25') };
    const last = playbackStep(near, 5, range, span, false);
    expect(last).toEqual({ window: { start: d('2024-10-01'), end: span.end }, playing: false });
    const looped = playbackStep(near, 5, range, span, true);
    expect(looped).toEqual({ window: { start: d('2024-10-01'), end: span.end }, playing: true });
    expect(playbackStep(looped.window, 5, range, span, true)).toEqual({
      window: { start: d('2024-10-01'), end: d('2024-10-01') },
      playing: true,
    });
    expect(playbackStep(last.window, 5, range, span, false).playing).toBe(false);
  });

  it('a picked day becomes the newest day of the window (a range keeps its length)', () => {
    const w = { start: d('2024-03-01'), end: d('2024-03-10') };
    expect(windowAt(d('2024-01-28'), w, range, span)).toEqual({
      start: d('2024-01-19'),
      end: d('2024-01-28'),
    });
    expect(windowAt(d('2023-10-18'), w, range, span)).toEqual({
      start: span.start,
      end: d('2023-10-18'),
    });
    expect(windowAt(d('2024-01-28'), w, month, span)).toEqual({
      start: d('2023-12-30'),
      end: d('2024-01-28'),
    });
  });
});
