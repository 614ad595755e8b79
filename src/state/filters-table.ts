/**
 * The incident table's rows: the window's rows that pass the filters, in the chosen order. A sort
 * is a permutation of all rows computed once per table and column (a counting sort on small
 * integer keys: O(n), stable, so ties stay in date order); a window or filter change only walks
 * that permutation, keeping rows inside the window that pass the mask.
 */
import { NONE, type IncidentTable } from '../data/incident-table';
import { CONFIDENCE_LEVELS } from '../data/types';
import type { DayWindow } from '../time/window';
import { UNCLAIMED } from './filters';
import { windowRowRange } from './selectors';

/** Columns the table sorts by. */
export const SORT_KEYS = [
  'date',
  'type',
  'target',
  'country',
  'group',
  'casualties',
  'confidence',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A column and a direction. Descending walks the ascending order backwards (ties newest first). */
export interface TableSort {
  key: SortKey;
  desc: boolean;
}

export const DEFAULT_SORT: TableSort = { key: 'date', desc: false };

/** `date`, `-casualties`: the URL form of a sort. */
export function sortToText(s: TableSort): string {
  return `${s.desc ? '-' : ''}${s.key}`;
}

/** The sort a URL value names, or null. */
export function sortFromText(text: string): TableSort | null {
  const desc = text.startsWith('-');
  const key = desc ? text.slice(1) : text;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, desc } : null;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Rank of each interned string used by a column, alphabetically; missing values rank last. */
function stringRanks(
  table: IncidentTable,
  col: Int32Array,
  nullAs: string | null,
): { key: Int32Array; size: number } {
  const used = new Uint8Array(table.strings.length);
  for (let row = 0; row < table.length; row++) if (col[row]! >= 0) used[col[row]!] = 1;
  const ids: number[] = [];
  used.forEach((u, k) => u && ids.push(k));
  const name = (k: number) => (k < 0 ? nullAs! : table.strings[k]!);
  if (nullAs !== null) ids.push(-1);
  ids.sort((a, b) => collator.compare(name(a), name(b)));
  const rank = new Int32Array(table.strings.length + 1).fill(ids.length);
  // Equal names (the same text interned twice) share a rank, so they sort together by date.
  let r = 0;
  ids.forEach((k, i) => {
    if (i > 0 && collator.compare(name(ids[i - 1]!), name(k)) !== 0) r = i;
    rank[k + 1] = r;
  });
  const key = new Int32Array(table.length);
  for (let row = 0; row < table.length; row++) key[row] = rank[col[row]! + 1]!;
  return { key, size: ids.length + 1 };
}

/** Per-row integer sort keys (0 … size − 1) for a column. */
function sortKeys(table: IncidentTable, key: Exclude<SortKey, 'date'>) {
  const n = table.length;
  switch (key) {
    case 'type':
      return { key: Int32Array.from(table.typeIndex), size: 256 };
    case 'target':
      return stringRanks(table, table.text.target, null);
    case 'country':
      return stringRanks(table, table.text.country, null);
    case 'group':
      return stringRanks(table, table.text.claimed_by_group, UNCLAIMED);
    case 'casualties': {
      // Killed + injured; "not reported" below 0.
      const out = new Int32Array(n);
      let max = 0;
      for (let row = 0; row < n; row++) {
        const k = table.usKilled[row]!;
        const i = table.usInjured[row]!;
        out[row] = k < 0 && i < 0 ? 0 : 1 + Math.max(0, k) + Math.max(0, i);
        max = Math.max(max, out[row]!);
      }
      return { key: out, size: max + 1 };
    }
    case 'confidence': {
      // Low < medium < high; not given first.
      const out = new Int32Array(n);
      const levels = CONFIDENCE_LEVELS.length;
      for (let row = 0; row < n; row++) {
        const c = table.confidence[row]!;
        out[row] = c === NONE ? 0 : levels - c;
      }
      return { key: out, size: levels + 1 };
    }
  }
}

/** Rows ordered by integer keys; stable (a counting sort), so equal keys keep row (date) order. */
function countingOrder(key: Int32Array, size: number): Uint32Array {
  const starts = new Uint32Array(size + 1);
  for (let i = 0; i < key.length; i++) starts[key[i]! + 1]!++;
  for (let k = 1; k <= size; k++) starts[k]! += starts[k - 1]!;
  const order = new Uint32Array(key.length);
  for (let i = 0; i < key.length; i++) order[starts[key[i]!]!++] = i;
  return order;
}

const orders = new WeakMap<IncidentTable, Map<SortKey, Uint32Array>>();

/** All rows in ascending order of a column (cached per table); null for `date` (row order). */
export function sortOrder(table: IncidentTable, key: SortKey): Uint32Array | null {
  if (key === 'date') return null;
  let byKey = orders.get(table);
  if (!byKey) orders.set(table, (byKey = new Map()));
  let order = byKey.get(key);
  if (!order) {
    const k = sortKeys(table, key);
    order = countingOrder(k.key, k.size);
    byKey.set(key, order);
  }
  return order;
}

/**
 * The table's rows in display order: inside the window, passing the mask (null = all).
 * O(window rows) for date order, O(n) for another column (a walk, no sorting).
 */
export function tableRows(
  table: IncidentTable,
  w: DayWindow,
  mask: Uint8Array | null,
  sort: TableSort,
): Uint32Array {
  const [lo, hi] = windowRowRange(table, w);
  const order = sortOrder(table, sort.key);
  const out = new Uint32Array(hi - lo);
  let n = 0;
  if (!order) {
    if (sort.desc) {
      for (let r = hi - 1; r >= lo; r--) if (!mask || mask[r]) out[n++] = r;
    } else {
      for (let r = lo; r < hi; r++) if (!mask || mask[r]) out[n++] = r;
    }
  } else {
    const take = (r: number) => {
      if (r >= lo && r < hi && (!mask || mask[r])) out[n++] = r;
    };
    if (sort.desc) for (let i = order.length - 1; i >= 0; i--) take(order[i]!);
    else for (let i = 0; i < order.length; i++) take(order[i]!);
  }
  return n === out.length ? out : out.slice(0, n);
}
