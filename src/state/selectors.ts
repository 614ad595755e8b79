/** Read-only questions about the store, answered from the precomputed indexes. */
import type { IncidentTable } from '../data/incident-table';
import { INCIDENT_TYPES, type OfficialCount } from '../data/types';
import { buildDailySeries, type DailySeries } from '../time/daily-counts';
import { isoToDay, partialDateRange } from '../time/days';
import { windowSum } from '../time/prefix-sums';
import { valueOn } from '../time/step-series';
import type { DayWindow } from '../time/window';
import type { Base } from '../data/types';
import type { Derived } from './derived';

/** Totals for a window: attacks on U.S. forces and U.S. strikes apart; casualties count attacks only. */
export interface WindowCounts {
  attacks: number;
  strikes: number;
  usKilled: number;
  usInjured: number;
}

/** O(1) window totals from the prefix sums: the unfiltered indexes, or the filtered ones. */
export function windowCounts(
  d: Pick<Derived, 'attacks' | 'strikes' | 'usKilled' | 'usInjured'>,
  w: DayWindow,
): WindowCounts {
  return {
    attacks: windowSum(d.attacks, w),
    strikes: windowSum(d.strikes, w),
    usKilled: windowSum(d.usKilled, w),
    usInjured: windowSum(d.usInjured, w),
  };
}

/** The row range [first, end) of the whole day-sorted table inside the window (binary search). */
export function windowRowRange(table: IncidentTable, w: DayWindow): [number, number] {
  const lower = (day: number) => {
    let lo = 0;
    let hi = table.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.day[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(w.start), lower(w.end + 1)];
}

/** The rows of a day-sorted row list that fall inside the window (binary search on both ends). */
export function rowsInWindow(
  table: IncidentTable,
  rows: readonly number[],
  w: DayWindow,
): number[] {
  const lower = (day: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.day[rows[mid]!]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return rows.slice(lower(w.start), lower(w.end + 1));
}

/** Whether a base is active on a day: inside [active_from, active_until], partial dates covering their whole period. */
export function isBaseActive(base: Base, day: number): boolean {
  const from = base.active_from ? partialDateRange(base.active_from) : null;
  const until = base.active_until ? partialDateRange(base.active_until) : null;
  if (from && day < from.first) return false;
  if (until && day > until.last) return false;
  return true;
}

/** The country's troop figure in force on a day, or null. */
export function forceOn(d: Derived, iso3: string, day: number) {
  const series = d.forceSeries.get(iso3);
  return series ? valueOn(series, day) : null;
}

/** The site-level troop figure in force for a base on a day, or null. */
export function siteForceOn(d: Derived, baseId: string, day: number) {
  const series = d.siteSeries.get(baseId);
  return series ? valueOn(series, day) : null;
}

/** ISO3 code of a country name as used in the force-levels file, or null. */
export function iso3OfCountry(
  forces: { countries: { iso3: string; name: string }[] },
  name: string | null,
): string | null {
  if (!name) return null;
  return forces.countries.find((c) => c.name.toLowerCase() === name.toLowerCase())?.iso3 ?? null;
}

/** A troop figure older than this many days at a date is shown with its age ("as of 2012"). */
export const STALE_AFTER_DAYS = 365;

/** Whether a figure in force since `from` is older than a year on `day`. */
export function isStaleFigure(from: number, day: number): boolean {
  return day - from > STALE_AFTER_DAYS;
}

// ---------------------------------------------------------------------------------------------
// Timeline: per-day totals for the histogram, official counts for reference

/** Per-day incidents and U.S. casualties by type (INCIDENT_TYPES order), over the span. */
export interface DailyTotals {
  count: DailySeries;
  /** U.S. killed + injured per day and type; attacks only (strikes weigh 0). */
  casualties: DailySeries;
}

const dailyCache = new WeakMap<IncidentTable, DailyTotals>();

/**
 * The timeline's per-day totals, built once per table (cached): bins are sums over these, so
 * drawing, re-binning and playback never scan the incidents. Null without a time span.
 */
export function dailyTotals(table: IncidentTable): DailyTotals | null {
  if (!table.span) return null;
  let totals = dailyCache.get(table);
  if (!totals) {
    const k = INCIDENT_TYPES.length;
    const strike = INCIDENT_TYPES.indexOf('us_strike');
    totals = {
      count: buildDailySeries(table.day, table.typeIndex, k, table.span, () => 1),
      casualties: buildDailySeries(table.day, table.typeIndex, k, table.span, (i) =>
        table.typeIndex[i] === strike
          ? 0
          : Math.max(0, table.usKilled[i]!) + Math.max(0, table.usInjured[i]!),
      ),
    };
    dailyCache.set(table, totals);
  }
  return totals;
}

/** An official cumulative count next to the sample's own count of attacks up to the same day. */
export interface OfficialComparison {
  day: number;
  official: number;
  sample: number;
  source: string | null;
  url: string | null;
  note: string | null;
}

/** Attacks in the sample from the span's first day up to `day` (inclusive), from the prefix sums. */
export function sampleAttacksUpTo(d: Derived, day: number): number {
  return windowSum(d.attacks, { start: d.attacks.spanStart, end: day });
}

/** Every official count with the sample's count on its day, by date. */
export function officialComparisons(
  counts: readonly OfficialCount[],
  d: Derived,
): OfficialComparison[] {
  return counts
    .map((c) => ({ c, day: isoToDay(c.as_of)! }))
    .sort((a, b) => a.day - b.day)
    .map(({ c, day }) => ({
      day,
      official: c.attacks,
      sample: sampleAttacksUpTo(d, day),
      source: c.source,
      url: c.url,
      note: c.note,
    }));
}

/** The latest comparison on or before `day` (the first one when `day` precedes them all), or null. */
export function comparisonOn(
  list: readonly OfficialComparison[],
  day: number,
): OfficialComparison | null {
  let found: OfficialComparison | null = list[0] ?? null;
  for (const c of list) if (c.day <= day) found = c;
  return found;
}
