/**
 * What the filters leave, as the same kinds of indexes the unfiltered app reads: per-day prefix
 * sums (window totals stay two array reads while scrubbing), per-day totals by type (the
 * histogram) and masked row sets for the panels. All are built once per filter change.
 */
import type { IncidentTable } from '../data/incident-table';
import { INCIDENT_TYPES } from '../data/types';
import type { DayPrefix } from '../time/prefix-sums';
import type { CountryColumn } from './country-column';
import { filterMask, isFiltering, type Filters } from './filters';
import { buildRowStats, type RowStats } from './row-stats';
import type { DailyTotals } from './selectors';

/** The four window measures, filtered or not (Derived has the same fields). */
export interface WindowPrefixes {
  attacks: DayPrefix;
  strikes: DayPrefix;
  usKilled: DayPrefix;
  usInjured: DayPrefix;
}

/** The filters applied to one table. */
export interface FilterResult extends WindowPrefixes {
  filters: Filters;
  /** 1 for the rows that pass, per table row. */
  mask: Uint8Array;
  /** Rows that pass, over the whole span. */
  count: number;
  /** Per-day totals by type of the rows that pass (the histogram's bars). */
  daily: DailyTotals;
}

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');

/**
 * Applies the filters: the mask, then one pass over the passing rows for every per-day series.
 * Null when no criterion is in use (the unfiltered indexes apply as they are).
 * @param countries every row's country (country-column.ts); the named ones when not given
 */
export function applyFilters(
  table: IncidentTable,
  filters: Filters,
  countries?: CountryColumn,
): FilterResult | null {
  if (!isFiltering(filters)) return null;
  const { mask, count } = filterMask(table, filters, countries);
  const span = table.span ?? { start: 0, end: -1 };
  const days = span.end - span.start + 1;
  const K = INCIDENT_TYPES.length;
  const attacks = new Float64Array(days + 1);
  const strikes = new Float64Array(days + 1);
  const killed = new Float64Array(days + 1);
  const injured = new Float64Array(days + 1);
  const countByType = new Float64Array(days * K);
  const casualtiesByType = new Float64Array(days * K);
  const { day, typeIndex, usKilled, usInjured } = table;
  for (let row = 0; row < table.length; row++) {
    if (!mask[row]) continue;
    const d = day[row]! - span.start;
    if (d < 0 || d >= days) continue;
    const t = typeIndex[row]!;
    countByType[d * K + t]!++;
    if (t === STRIKE) {
      strikes[d + 1]!++;
      continue;
    }
    const k = Math.max(0, usKilled[row]!);
    const i = Math.max(0, usInjured[row]!);
    attacks[d + 1]!++;
    killed[d + 1]! += k;
    injured[d + 1]! += i;
    casualtiesByType[d * K + t]! += k + i;
  }
  for (const a of [attacks, strikes, killed, injured])
    for (let d = 1; d <= days; d++) a[d]! += a[d - 1]!;
  const prefix = (values: Float64Array): DayPrefix => ({ spanStart: span.start, values });
  const series = (values: Float64Array) => ({
    spanStart: span.start,
    days,
    categories: K,
    values,
  });
  return {
    filters,
    mask,
    count,
    attacks: prefix(attacks),
    strikes: prefix(strikes),
    usKilled: prefix(killed),
    usInjured: prefix(injured),
    daily: { count: series(countByType), casualties: series(casualtiesByType) },
  };
}

const masked = new WeakMap<Uint8Array, WeakMap<RowStats, RowStats>>();

/**
 * A row set (near a base, tagged with it, in a country) cut down to the rows passing the filters,
 * with its own prefix sums. Built once per set and filter change (cached), then every window
 * costs binary searches as before. Without filters the set is returned as it is.
 */
export function maskStats(
  table: IncidentTable,
  stats: RowStats,
  filtered: FilterResult | null,
): RowStats {
  if (!filtered) return stats;
  let cache = masked.get(filtered.mask);
  if (!cache) masked.set(filtered.mask, (cache = new WeakMap()));
  let out = cache.get(stats);
  if (!out) {
    const mask = filtered.mask;
    let n = 0;
    for (let i = 0; i < stats.rows.length; i++) n += mask[stats.rows[i]!]!;
    const rows = new Uint32Array(n);
    n = 0;
    for (let i = 0; i < stats.rows.length; i++) {
      const r = stats.rows[i]!;
      if (mask[r]) rows[n++] = r;
    }
    out = buildRowStats(table, rows);
    cache.set(stats, out);
  }
  return out;
}
