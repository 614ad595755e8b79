/**
 * The table's rows (window ∩ filters, in the chosen order) against a plain sort of the records,
 * and the windowing arithmetic of the virtualized table.
 */
import { describe, expect, it } from 'vitest';
import { incidentAt, idAt } from '../../src/data/incident-table';
import { CONFIDENCE_LEVELS, INCIDENT_TYPES, type Incident } from '../../src/data/types';
import { filterMask, NO_FILTERS } from '../../src/state/filters';
import {
  SORT_KEYS,
  sortFromText,
  sortToText,
  tableRows,
  type SortKey,
} from '../../src/state/filters-table';
import { scrollTopFor, virtualWindow } from '../../src/ui/table/virtual-window';
import { randomTable } from '../fixtures/random-incidents';

const table = randomTable(3000, 3);
const records = Array.from({ length: table.length }, (_, i) => incidentAt(table, i));
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The order each column sorts in ascending, written plainly; ties by row (date order). */
const compare: Record<SortKey, (a: Incident, b: Incident) => number> = {
  date: (a, b) => a.day - b.day,
  type: (a, b) => INCIDENT_TYPES.indexOf(a.type) - INCIDENT_TYPES.indexOf(b.type),
  target: (a, b) => text(a.target, b.target),
  country: (a, b) => text(a.country, b.country),
  group: (a, b) => text(a.claimed_by_group, b.claimed_by_group),
  casualties: (a, b) => cas(a) - cas(b),
  confidence: (a, b) => conf(a) - conf(b),
};
/** Alphabetical, missing values last. */
function text(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return collator.compare(a, b);
}
const cas = (r: Incident) =>
  r.us_killed === null && r.us_injured === null ? -1 : (r.us_killed ?? 0) + (r.us_injured ?? 0);
// Low < medium < high, not given first.
const conf = (r: Incident) =>
  r.confidence === null ? -10 : -CONFIDENCE_LEVELS.indexOf(r.confidence);

describe('table rows', () => {
  const span = table.span!;
  const w = { start: span.start + 40, end: span.start + 250 };
  const { mask } = filterMask(table, { ...NO_FILTERS, types: ['drone', 'rocket', 'us_strike'] });

  it.each(SORT_KEYS.flatMap((key) => [[key, false] as const, [key, true] as const]))(
    'orders by %s (descending: %s) inside the window and the filters',
    (key, desc) => {
      const rows = tableRows(table, w, mask, { key, desc });
      const expected = records
        .map((r, row) => ({ r, row }))
        .filter(({ r, row }) => r.day >= w.start && r.day <= w.end && mask[row])
        .sort((a, b) => compare[key](a.r, b.r) || a.row - b.row)
        .map(({ row }) => row);
      if (desc) expected.reverse();
      expect(Array.from(rows)).toEqual(expected);
      expect(rows.length).toBeGreaterThan(100);
    },
  );

  it('takes every row of the window without a mask, and none of an empty window', () => {
    const rows = tableRows(table, w, null, { key: 'date', desc: false });
    expect(rows.length).toBe(records.filter((r) => r.day >= w.start && r.day <= w.end).length);
    const before = { start: span.start - 10, end: span.start - 1 };
    expect(tableRows(table, before, null, { key: 'target', desc: false }).length).toBe(0);
    expect(idAt(table, rows[0]!)).toBe(records[rows[0]!]!.id);
  });

  it('reads and writes sorts as URL text', () => {
    expect(sortFromText('-casualties')).toEqual({ key: 'casualties', desc: true });
    expect(sortFromText('target')).toEqual({ key: 'target', desc: false });
    expect(sortFromText('--target')).toBeNull();
    expect(sortFromText('weight')).toBeNull();
    expect(sortToText({ key: 'group', desc: true })).toBe('-group');
  });
});

describe('virtual window', () => {
  const base = { rowHeight: 30, viewport: 300, overscan: 2 };

  it('renders the rows in view plus an overscan, with spacers making up the full height', () => {
    const v = virtualWindow({ ...base, total: 1000, scrollTop: 3000 });
    expect(v).toMatchObject({ start: 98, height: 30_000 });
    expect(v.end).toBe(100 + 11 + 2);
    expect(v.top).toBe(98 * 30);
    expect(v.top + (v.end - v.start) * 30 + v.bottom).toBe(30_000);
    const top = virtualWindow({ ...base, total: 5, scrollTop: 0 });
    expect(top).toMatchObject({ start: 0, end: 5, top: 0, bottom: 0, height: 150 });
    expect(virtualWindow({ ...base, total: 0, scrollTop: 0 })).toMatchObject({ start: 0, end: 0 });
  });

  it('compresses a scroll range taller than the cap and still reaches the last row', () => {
    const input = { ...base, total: 1_000_000, maxHeight: 1_000_000 };
    const first = virtualWindow({ ...input, scrollTop: 0 });
    expect(first).toMatchObject({ start: 0, top: 0, height: 1_000_000 });
    const last = virtualWindow({ ...input, scrollTop: 1_000_000 - 300 });
    expect(last.end).toBe(1_000_000);
    // The rendered rows end at the bottom of the scroll range.
    expect(last.top + (last.end - last.start) * 30 + last.bottom).toBeCloseTo(1_000_000, 0);
    const mid = virtualWindow({ ...input, scrollTop: 499_850 });
    expect(mid.start).toBeGreaterThan(499_000);
    expect(mid.start).toBeLessThan(501_000);
  });

  it('scrolls a row into view only when it is not fully visible', () => {
    const input = { rowHeight: 30, viewport: 300, total: 1000, scrollTop: 300 };
    expect(scrollTopFor(12, input)).toBeNull();
    expect(scrollTopFor(5, input)).toBe(150);
    expect(scrollTopFor(25, input)).toBe(26 * 30 - 300);
    expect(scrollTopFor(500, { ...input, align: 'center' })).toBe(500 * 30 + 15 - 150);
    expect(scrollTopFor(12, { ...input, align: 'center' })).toBeNull();
    // Compressed: the row lands in the rendered window after the jump.
    const big = { rowHeight: 30, viewport: 300, total: 1_000_000, maxHeight: 1_000_000 };
    const top = scrollTopFor(700_000, { ...big, scrollTop: 0 })!;
    const v = virtualWindow({ ...big, scrollTop: top, overscan: 0 });
    expect(700_000).toBeGreaterThanOrEqual(v.start);
    expect(700_000).toBeLessThan(v.end);
  });
});
