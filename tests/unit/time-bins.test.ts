import { describe, expect, it } from 'vitest';
import { binAt, binTotals, chooseBinUnit, makeBins, maxBinTotal } from '../../src/time/bins';
import { buildDailySeries } from '../../src/time/daily-counts';
import { dayToIso, isoToDay } from '../../src/time/days';
import { dayTicks } from '../../src/time/ticks';

const d = (iso: string) => isoToDay(iso)!;
const span = { start: d('2023-10-17'), end: d('2024-10-27') };

describe('daily series', () => {
  it('sums weights per day and category, ignoring days outside the span', () => {
    const days = [d('2023-10-17'), d('2023-10-17'), d('2023-10-18'), d('2023-10-16')];
    const cats = [0, 1, 1, 0];
    const s = buildDailySeries(
      days,
      cats,
      2,
      { start: d('2023-10-17'), end: d('2023-10-19') },
      (i) => (i === 2 ? 5 : 1),
    );
    expect(s.days).toBe(3);
    expect(Array.from(s.values)).toEqual([1, 1, 0, 5, 0, 0]);
  });
});

describe('bins', () => {
  it('uses days when a day gets 6 px, else weeks, else months', () => {
    const quarter = { start: d('2024-01-01'), end: d('2024-03-31') };
    expect(chooseBinUnit(quarter, 1200)).toBe('day');
    expect(chooseBinUnit(span, 1200)).toBe('week');
    expect(chooseBinUnit(span, 340)).toBe('week');
    expect(chooseBinUnit({ start: d('2014-01-01'), end: d('2024-01-01') }, 340)).toBe('month');
  });

  it('weeks run Monday to Sunday, both ends inclusive, the first and last cut at the span', () => {
    const bins = makeBins(span, 'week');
    // 17 Oct 2023 is a Tuesday: the first week is cut to Tue–Sun.
    expect(bins[0]).toEqual({ start: d('2023-10-17'), end: d('2023-10-22') });
    expect(bins[1]).toEqual({ start: d('2023-10-23'), end: d('2023-10-29') });
    expect(bins[bins.length - 1]).toEqual({ start: d('2024-10-21'), end: d('2024-10-27') });
    // Contiguous: every day of the span in exactly one bin.
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.start).toBe(bins[i - 1]!.end + 1);
  });

  it('months and days cover the span exactly', () => {
    const months = makeBins(span, 'month');
    expect(months[0]).toEqual({ start: d('2023-10-17'), end: d('2023-10-31') });
    expect(months[4]).toEqual({ start: d('2024-02-01'), end: d('2024-02-29') });
    expect(months).toHaveLength(13);
    const days = makeBins({ start: d('2024-01-28'), end: d('2024-01-30') }, 'day');
    expect(days).toEqual([
      { start: d('2024-01-28'), end: d('2024-01-28') },
      { start: d('2024-01-29'), end: d('2024-01-29') },
      { start: d('2024-01-30'), end: d('2024-01-30') },
    ]);
  });

  it('bin totals are the per-day sums, and every item is counted once', () => {
    const days = [
      d('2023-10-17'),
      d('2023-10-22'),
      d('2023-10-23'),
      d('2024-01-28'),
      d('2024-10-27'),
    ];
    const series = buildDailySeries(days, [0, 1, 0, 0, 1], 2, span, () => 1);
    const bins = makeBins(span, 'week');
    const totals = binTotals(series, bins);
    expect(Array.from(totals.subarray(0, 4))).toEqual([1, 1, 1, 0]);
    const tower = binAt(bins, d('2024-01-28'));
    expect(bins[tower]).toEqual({ start: d('2024-01-22'), end: d('2024-01-28') });
    expect(totals[tower * 2]).toBe(1);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(5);
    expect(binAt(bins, d('2023-10-16'))).toBe(-1);
  });

  it('finds the bin of every day of the span, and none outside it', () => {
    for (const unit of ['day', 'week', 'month'] as const) {
      const bins = makeBins(span, unit);
      for (let day = span.start; day <= span.end; day++) {
        const b = bins[binAt(bins, day)]!;
        expect(day >= b.start && day <= b.end).toBe(true);
      }
      expect(binAt(bins, span.start - 1)).toBe(-1);
      expect(binAt(bins, span.end + 1)).toBe(-1);
    }
    expect(binAt([], span.start)).toBe(-1);
  });

  it('the tallest bar is the largest total over the categories of one bin', () => {
    // Three bins of two categories: 1 + 4, 3 + 3, 0 + 2.
    expect(maxBinTotal(Float64Array.from([1, 4, 3, 3, 0, 2]), 2)).toBe(6);
    expect(maxBinTotal(new Float64Array(0), 2)).toBe(0);
  });
});

describe('axis ticks', () => {
  it('gives readable calendar ticks inside the span at any width', () => {
    const wide = dayTicks(span, 1200);
    expect(wide.map((t) => t.label)).toContain('2024');
    expect(wide.map((t) => t.label)).toContain('Feb');
    const narrow = dayTicks(span, 340, 60);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(narrow.length).toBeLessThanOrEqual(6);
    for (const t of [...wide, ...narrow]) {
      expect(t.day).toBeGreaterThanOrEqual(span.start);
      expect(t.day).toBeLessThanOrEqual(span.end);
    }
    const week = dayTicks({ start: d('2024-01-22'), end: d('2024-01-28') }, 600);
    expect(week.map((t) => t.label)).toContain('25 Jan');
    expect(week.every((t) => Number.isInteger(t.day))).toBe(true);
    expect(dayToIso(week[0]!.day)).toBe('2024-01-22');
  });
});
