/**
 * Prefix sums over a fixed, day-sorted set of incident rows (the incidents near one base, or in one
 * country). The set is found once with the spatial index; after that any window's totals, its first
 * and last attack, and its counts by type are a few binary searches: O(log k), never a scan.
 */
import { isStrike, type IncidentTable } from '../data/incident-table';
import { INCIDENT_TYPES, type IncidentType } from '../data/types';
import type { DayWindow } from '../time/window';
import { windowRowRange } from './selectors';

/** A row set with per-measure prefix sums: `x[i]` is the total over `rows[0..i)`. */
export interface RowStats {
  /** Table rows, ascending (table rows are in day order). */
  rows: Uint32Array;
  /** Attacks (not U.S. strikes); strikes are the rest of the rows. */
  attacks: Uint32Array;
  /** U.S. killed / injured in attacks (U.S. strikes never count); unknown counts as 0. */
  killed: Uint32Array;
  injured: Uint32Array;
}

/** Totals of a row set inside a window. */
export interface RowSummary {
  attacks: number;
  strikes: number;
  usKilled: number;
  usInjured: number;
  /** Day of the first and last attack inside the window, or null when there is none. */
  firstAttack: number | null;
  lastAttack: number | null;
}

/** Builds the prefix sums of a day-sorted row set (one pass over the set, once). */
export function buildRowStats(table: IncidentTable, rows: ArrayLike<number>): RowStats {
  const k = rows.length;
  const out: RowStats = {
    rows: Uint32Array.from(rows),
    attacks: new Uint32Array(k + 1),
    killed: new Uint32Array(k + 1),
    injured: new Uint32Array(k + 1),
  };
  for (let i = 0; i < k; i++) {
    const row = out.rows[i]!;
    const strike = isStrike(table, row);
    out.attacks[i + 1] = out.attacks[i]! + (strike ? 0 : 1);
    out.killed[i + 1] = out.killed[i]! + (strike ? 0 : Math.max(0, table.usKilled[row]!));
    out.injured[i + 1] = out.injured[i]! + (strike ? 0 : Math.max(0, table.usInjured[row]!));
  }
  return out;
}

/** First index i with a[i] >= value (a ascending). */
function lowerBound(a: ArrayLike<number>, value: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index range [from, to) of `stats.rows` inside the window. */
export function indexRange(table: IncidentTable, stats: RowStats, w: DayWindow): [number, number] {
  const [lo, hi] = windowRowRange(table, w);
  return [lowerBound(stats.rows, lo), lowerBound(stats.rows, hi)];
}

/** The set's rows inside the window (a view, not a copy), in day order. */
export function rowsInWindowOf(table: IncidentTable, stats: RowStats, w: DayWindow): Uint32Array {
  const [a, b] = indexRange(table, stats, w);
  return stats.rows.subarray(a, b);
}

/** Totals, first and last attack of the set inside the window: O(log k). */
export function summarize(table: IncidentTable, stats: RowStats, w: DayWindow): RowSummary {
  const [a, b] = indexRange(table, stats, w);
  const attacks = stats.attacks[b]! - stats.attacks[a]!;
  let firstAttack: number | null = null;
  let lastAttack: number | null = null;
  if (attacks > 0) {
    // The prefix of attacks steps up exactly at each attack: the first step after a, the last before b.
    const first = lowerBound(stats.attacks, stats.attacks[a]! + 1, a, b + 1) - 1;
    const last = lowerBound(stats.attacks, stats.attacks[b]!, a, b + 1) - 1;
    firstAttack = table.day[stats.rows[first]!]!;
    lastAttack = table.day[stats.rows[last]!]!;
  }
  return {
    attacks,
    strikes: b - a - attacks,
    usKilled: stats.killed[b]! - stats.killed[a]!,
    usInjured: stats.injured[b]! - stats.injured[a]!,
    firstAttack,
    lastAttack,
  };
}

const typePrefixes = new WeakMap<RowStats, Uint32Array[]>();

/**
 * Counts by incident type inside the window. The per-type prefix sums are built on first use for
 * a set (only the selected base's panel asks), then each window costs O(log k).
 */
export function typeCounts(
  table: IncidentTable,
  stats: RowStats,
  w: DayWindow,
): Record<IncidentType, number> {
  let prefixes = typePrefixes.get(stats);
  if (!prefixes) {
    const k = stats.rows.length;
    prefixes = INCIDENT_TYPES.map(() => new Uint32Array(k + 1));
    for (let i = 0; i < k; i++) {
      const t = table.typeIndex[stats.rows[i]!]!;
      for (let j = 0; j < prefixes.length; j++)
        prefixes[j]![i + 1] = prefixes[j]![i]! + (j === t ? 1 : 0);
    }
    typePrefixes.set(stats, prefixes);
  }
  const [a, b] = indexRange(table, stats, w);
  return Object.fromEntries(
    INCIDENT_TYPES.map((t, j) => [t, prefixes[j]![b]! - prefixes[j]![a]!]),
  ) as Record<IncidentType, number>;
}
