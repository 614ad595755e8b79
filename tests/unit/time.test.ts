import { describe, expect, it } from 'vitest';
import { dayToIso, formatDay, isoToDay, partialDateRange } from '../../src/time/days';
import { buildDayPrefix, windowSum } from '../../src/time/prefix-sums';
import { buildStepSeries, valueOn } from '../../src/time/step-series';
import { clampWindow, inWindow, windowLength } from '../../src/time/window';

const d = (iso: string) => isoToDay(iso)!;

describe('days', () => {
  it('round-trips ISO days and formats them in fixed English', () => {
    expect(dayToIso(d('2024-01-28'))).toBe('2024-01-28');
    expect(formatDay(d('2023-10-17'))).toBe('17 Oct 2023');
    expect(d('1970-01-02')).toBe(1);
  });
  it('rejects impossible calendar dates', () => {
    expect(isoToDay('2024-02-30')).toBeNull();
    expect(isoToDay('2024-2-3')).toBeNull();
    expect(isoToDay('28 Jan 2024')).toBeNull();
    expect(isoToDay('2024-02-29')).not.toBeNull();
  });
  it('gives partial dates their whole period', () => {
    expect(partialDateRange('2024')).toEqual({ first: d('2024-01-01'), last: d('2024-12-31') });
    expect(partialDateRange('2024-02')).toEqual({ first: d('2024-02-01'), last: d('2024-02-29') });
    expect(partialDateRange('2024-06-07')).toEqual({
      first: d('2024-06-07'),
      last: d('2024-06-07'),
    });
    expect(partialDateRange('2024-13')).toBeNull();
    expect(partialDateRange('c. 2023')).toBeNull();
  });
});

describe('windows (both ends inclusive)', () => {
  const span = { start: d('2023-10-17'), end: d('2024-10-27') };
  it('counts both ends', () => {
    expect(windowLength({ start: 5, end: 5 })).toBe(1);
    expect(inWindow(5, { start: 5, end: 7 })).toBe(true);
    expect(inWindow(7, { start: 5, end: 7 })).toBe(true);
    expect(inWindow(8, { start: 5, end: 7 })).toBe(false);
  });
  it('swaps reversed ends and clamps to the span', () => {
    expect(clampWindow({ start: d('2024-02-01'), end: d('2024-01-01') }, span)).toEqual({
      start: d('2024-01-01'),
      end: d('2024-02-01'),
    });
    expect(clampWindow({ start: d('2020-01-01'), end: d('2030-01-01') }, span)).toEqual(span);
  });
});

describe('prefix sums', () => {
  const days = [10, 10, 12, 15, 15, 15];
  const span = { start: 10, end: 15 };
  const prefix = buildDayPrefix(days, span, () => 1);
  it('gives window totals equal to a direct count, ends inclusive', () => {
    for (let a = 8; a <= 17; a++) {
      for (let b = a; b <= 17; b++) {
        const direct = days.filter((x) => x >= a && x <= b).length;
        expect(windowSum(prefix, { start: a, end: b })).toBe(direct);
      }
    }
  });
  it('sums weights', () => {
    const w = buildDayPrefix(days, span, (i) => i);
    expect(windowSum(w, { start: 15, end: 15 })).toBe(3 + 4 + 5);
  });
});

describe('step series', () => {
  const series = buildStepSeries([
    { as_of: '2024-06-07', v: 3813 },
    { as_of: '2023-06', v: 2936 },
    { as_of: 'undated', v: 1 },
    { as_of: '2024', v: 3000 },
  ]);
  it('drops undated points and orders by the day a point takes effect', () => {
    expect(series.map((s) => s.point.v)).toEqual([2936, 3000, 3813]);
  });
  it('returns the latest point on or before the date', () => {
    expect(valueOn(series, d('2023-05-31'))).toBeNull();
    expect(valueOn(series, d('2023-06-01'))?.point.v).toBe(2936);
    expect(valueOn(series, d('2024-01-01'))?.point.v).toBe(3000);
    expect(valueOn(series, d('2024-06-06'))?.point.v).toBe(3000);
    expect(valueOn(series, d('2024-06-07'))?.point.v).toBe(3813);
    expect(valueOn([], d('2024-06-07'))).toBeNull();
  });
});

describe('isoToDay against the Date object', () => {
  it('agrees for every day from 1899 to 2101, and rejects what Date would roll over', () => {
    for (let day = -25567; day <= 48213; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoToDay(iso)).toBe(day);
    }
    for (const bad of [
      '2023-02-29',
      '2024-04-31',
      '2024-00-10',
      '2024-13-01',
      '2024-01-00',
      '1900-02-29',
      '2024-1-01',
    ]) {
      expect(isoToDay(bad)).toBeNull();
    }
    expect(isoToDay('2000-02-29')).toBe(11016);
  });
});
