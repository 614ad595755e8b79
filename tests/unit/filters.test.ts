/**
 * Filter logic: the mask against a brute-force evaluation of the same rules on the records, the
 * text search (interned strings and packed descriptions), the filtered prefix sums, daily totals
 * and row sets against brute-force sums, on a few thousand random incidents loaded through the
 * real column builder.
 */
import { describe, expect, it } from 'vitest';
import { incidentAt, type PackedText } from '../../src/data/incident-table';
import { INCIDENT_TYPES, type Incident } from '../../src/data/types';
import {
  activeFilterCount,
  distinctValues,
  filterMask,
  NO_FILTERS,
  sameFilters,
  searchPacked,
  searchStrings,
  type Filters,
} from '../../src/state/filters';
import { applyFilters, maskStats } from '../../src/state/filters-totals';
import { buildRowStats, summarize } from '../../src/state/row-stats';
import { dailyTotals, windowCounts } from '../../src/state/selectors';
import { randomTable, rng } from '../fixtures/random-incidents';

/** The filter rules written out plainly over one record. */
function passes(r: Incident, f: Filters): boolean {
  const q = f.q.trim().replace(/\s+/g, ' ').toLowerCase();
  const has = (s: string | null) => s !== null && s.toLowerCase().includes(q);
  return (
    (!f.types.length || f.types.includes(r.type)) &&
    (!f.groups.length || f.groups.includes(r.claimed_by_group)) &&
    (!f.confidence.length || (r.confidence !== null && f.confidence.includes(r.confidence))) &&
    (!f.countries.length || (r.country !== null && f.countries.includes(r.country))) &&
    (!f.casualties || (r.us_killed ?? 0) > 0 || (r.us_injured ?? 0) > 0) &&
    (!q || has(r.target) || has(r.claimed_by) || has(r.claimed_by_group) || has(r.description))
  );
}

const table = randomTable(4000);
const records = Array.from({ length: table.length }, (_, i) => incidentAt(table, i));
const f = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

const CASES: Filters[] = [
  f({ types: ['drone'] }),
  f({ types: ['drone', 'rocket', 'us_strike'] }),
  f({ groups: ['unclaimed'] }),
  f({ groups: ['Kataib Hezbollah', 'United States'] }),
  f({ confidence: ['high'] }),
  f({ confidence: ['low', 'medium'] }),
  f({ countries: ['Syria'] }),
  f({ casualties: true }),
  f({ q: 'tower' }),
  f({ q: '  ASAD  ' }),
  f({ q: 'kataib' }),
  f({ q: 'convoy near' }),
  f({ q: '(airport)' }),
  f({ q: '#12' }),
  f({ types: ['rocket'], confidence: ['high'], countries: ['Iraq'], q: 'a' }),
  f({ groups: ['Islamic Resistance in Iraq'], casualties: true, q: 'drone' }),
];

describe('filter mask', () => {
  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))(
    'keeps exactly the rows the rules keep: %s',
    (_, filters) => {
      const { mask, count } = filterMask(table, filters);
      const expected = records.map((r) => (passes(r, filters) ? 1 : 0));
      expect(Array.from(mask)).toEqual(expected);
      expect(count).toBe(expected.reduce((a: number, b) => a + b, 0));
      // The random data must exercise each case (neither nothing nor everything).
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(table.length);
    },
  );

  it('matches nothing for text that is nowhere, and regex syntax is literal', () => {
    expect(filterMask(table, f({ q: 'zzzz' })).count).toBe(0);
    expect(filterMask(table, f({ q: '.*' })).count).toBe(0);
  });

  it('counts criteria and compares them regardless of order and spacing', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount(f({ types: ['drone'], q: ' x ', casualties: true }))).toBe(3);
    expect(activeFilterCount(f({ q: '   ' }))).toBe(0);
    expect(
      sameFilters(f({ types: ['drone', 'rocket'] }), f({ types: ['rocket', 'drone'], q: ' ' })),
    ).toBe(true);
    expect(sameFilters(f({ groups: ['a'] }), f({ groups: ['b'] }))).toBe(false);
  });

  it('lists the groups (missing ones as unclaimed) and countries with their counts', () => {
    const groups = distinctValues(table, 'claimed_by_group', 'unclaimed');
    const byGroup = new Map<string, number>();
    for (const r of records)
      byGroup.set(r.claimed_by_group, (byGroup.get(r.claimed_by_group) ?? 0) + 1);
    expect(new Map(groups.map((g) => [g.value, g.count]))).toEqual(byGroup);
    expect(groups.map((g) => g.count)).toEqual(
      [...groups.map((g) => g.count)].sort((a, b) => b - a),
    );
    const countries = distinctValues(table, 'country');
    expect(countries.map((c) => c.value).sort()).toEqual(['Iraq', 'Jordan', 'Syria']);
  });
});

describe('text search', () => {
  it('tests each interned string once, ignoring case', () => {
    expect(Array.from(searchStrings(['Tower 22', 'al-Tanf', 'TOWER'], 'tower'))).toEqual([1, 0, 1]);
  });

  it('finds values in packed text, not matches that run across two values', () => {
    // Values: "abc", "", "de", "fab" in two chunks; "cd" runs across values 0 and 2.
    const packed: PackedText = {
      chunks: ['abcde', 'fab'],
      chunkStart: Float64Array.from([0, 5]),
      offsets: Float64Array.from([0, 3, 3, 5, 8]),
    };
    expect(Array.from(searchPacked(packed, 'cd'))).toEqual([0, 0, 0, 0]);
    expect(Array.from(searchPacked(packed, 'AB'))).toEqual([1, 0, 0, 1]);
    expect(Array.from(searchPacked(packed, 'e'))).toEqual([0, 0, 1, 0]);
    // Overlapping candidates: "cdd" fails across the boundary, the later "dd" inside value 1 counts.
    const tricky: PackedText = {
      chunks: ['xcddx'],
      chunkStart: Float64Array.from([0]),
      offsets: Float64Array.from([0, 2, 5]),
    };
    expect(Array.from(searchPacked(tricky, 'cd'))).toEqual([0, 0]);
    expect(Array.from(searchPacked(tricky, 'dd'))).toEqual([0, 1]);
  });
});

describe('filtered totals', () => {
  const filters = f({ types: ['drone', 'rocket', 'us_strike'], confidence: ['high', 'medium'] });
  const result = applyFilters(table, filters)!;
  const kept = records.filter((r) => passes(r, filters));

  it('is null without filters (the unfiltered indexes apply)', () => {
    expect(applyFilters(table, NO_FILTERS)).toBeNull();
    expect(applyFilters(table, f({ q: '  ' }))).toBeNull();
  });

  it('gives window counts equal to brute-force sums of the kept rows', () => {
    const random = rng(7);
    const span = table.span!;
    for (let i = 0; i < 50; i++) {
      const a = span.start + Math.floor(random() * 366);
      const b = a + Math.floor(random() * 120);
      const inW = kept.filter((r) => r.day >= a && r.day <= b);
      const attacks = inW.filter((r) => r.type !== 'us_strike');
      expect(windowCounts(result, { start: a, end: b })).toEqual({
        attacks: attacks.length,
        strikes: inW.length - attacks.length,
        usKilled: attacks.reduce((n, r) => n + (r.us_killed ?? 0), 0),
        usInjured: attacks.reduce((n, r) => n + (r.us_injured ?? 0), 0),
      });
    }
  });

  it('gives per-day totals by type for the histogram, casualties from attacks only', () => {
    const all = dailyTotals(table)!;
    expect(result.daily.count.days).toBe(all.count.days);
    const K = INCIDENT_TYPES.length;
    const count = new Float64Array(all.count.values.length);
    const cas = new Float64Array(all.count.values.length);
    for (const r of kept) {
      const k = (r.day - table.span!.start) * K + INCIDENT_TYPES.indexOf(r.type);
      count[k]!++;
      if (r.type !== 'us_strike') cas[k]! += (r.us_killed ?? 0) + (r.us_injured ?? 0);
    }
    expect(Array.from(result.daily.count.values)).toEqual(Array.from(count));
    expect(Array.from(result.daily.casualties.values)).toEqual(Array.from(cas));
  });

  it('cuts a row set down to the kept rows (panels), cached per set and filter change', () => {
    const rows = records.flatMap((r, i) => (r.country === 'Syria' ? [i] : []));
    const stats = buildRowStats(table, rows);
    const masked = maskStats(table, stats, result);
    expect(Array.from(masked.rows)).toEqual(rows.filter((i) => result.mask[i]));
    expect(maskStats(table, stats, result)).toBe(masked);
    expect(maskStats(table, stats, null)).toBe(stats);
    const w = { start: table.span!.start + 30, end: table.span!.start + 200 };
    const expected = kept.filter(
      (r) => r.country === 'Syria' && r.day >= w.start && r.day <= w.end,
    );
    expect(summarize(table, masked, w).attacks).toBe(
      expected.filter((r) => r.type !== 'us_strike').length,
    );
  });
});
