import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/time/days';
import { windowLength } from '../../src/time/window';
import {
  constrainWindow,
  validSpanDays,
  windowEndingAt,
  type ModeSettings,
} from '../../src/time/window-modes';

const d = (iso: string) => isoToDay(iso)!;
const span = { start: d('2023-10-17'), end: d('2024-10-27') };
const range: ModeSettings = { mode: 'range', spanDays: 30 };
const cumulative: ModeSettings = { mode: 'cumulative', spanDays: 30 };
const week: ModeSettings = { mode: 'window', spanDays: 7 };

describe('window modes', () => {
  it('range: both ends free, swapped when reversed, clamped to the span', () => {
    expect(constrainWindow({ start: d('2024-01-01'), end: d('2024-01-10') }, range, span)).toEqual({
      start: d('2024-01-01'),
      end: d('2024-01-10'),
    });
    expect(constrainWindow({ start: d('2024-02-01'), end: d('2024-01-01') }, range, span)).toEqual({
      start: d('2024-01-01'),
      end: d('2024-02-01'),
    });
    expect(constrainWindow({ start: d('2020-01-01'), end: d('2030-01-01') }, range, span)).toEqual(
      span,
    );
  });

  it('cumulative: the start is pinned to the first day, whatever is asked', () => {
    const w = constrainWindow({ start: d('2024-01-01'), end: d('2024-01-28') }, cumulative, span);
    expect(w).toEqual({ start: span.start, end: d('2024-01-28') });
    // Moving the start changes nothing.
    expect(
      constrainWindow({ start: d('2024-01-05'), end: d('2024-01-28') }, cumulative, span, 'start'),
    ).toEqual(w);
  });

  it('moving window: [end − span + 1, end], both ends inclusive, exactly span days', () => {
    const w = constrainWindow({ start: d('2023-12-01'), end: d('2024-01-28') }, week, span);
    expect(w).toEqual({ start: d('2024-01-22'), end: d('2024-01-28') });
    expect(windowLength(w)).toBe(7);
    const one = constrainWindow(w, { mode: 'window', spanDays: 1 }, span);
    expect(one).toEqual({ start: d('2024-01-28'), end: d('2024-01-28') });
  });

  it('moving window: cut at the first day, never before it', () => {
    expect(windowEndingAt(d('2023-10-19'), 0, week, span)).toEqual({
      start: d('2023-10-17'),
      end: d('2023-10-19'),
    });
    expect(windowEndingAt(d('2023-10-23'), 0, week, span)).toEqual({
      start: d('2023-10-17'),
      end: d('2023-10-23'),
    });
  });

  it('moving window: moving its start drags the whole window', () => {
    expect(
      constrainWindow({ start: d('2024-01-01'), end: d('2024-05-01') }, week, span, 'start'),
    ).toEqual({ start: d('2024-01-01'), end: d('2024-01-07') });
    // Near the span's end the window stops at the last day and keeps its length.
    expect(
      constrainWindow({ start: d('2024-10-25'), end: d('2024-10-27') }, week, span, 'start'),
    ).toEqual({ start: d('2024-10-21'), end: d('2024-10-27') });
  });

  it('range: an end below the start takes the start with it', () => {
    expect(windowEndingAt(d('2024-01-01'), d('2024-02-01'), range, span)).toEqual({
      start: d('2024-01-01'),
      end: d('2024-01-01'),
    });
  });

  it('accepts whole window lengths from 1 to ten years only', () => {
    expect(validSpanDays(7)).toBe(7);
    expect(validSpanDays(3660)).toBe(3660);
    expect(validSpanDays(0)).toBeNull();
    expect(validSpanDays(2.5)).toBeNull();
    expect(validSpanDays(3661)).toBeNull();
  });
});
