/** Read-only questions about the store, answered from the precomputed indexes. */
import type { IncidentTable } from '../data/incident-table';
import { partialDateRange } from '../time/days';
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

/** O(1) window totals from the prefix sums. */
export function windowCounts(d: Derived, w: DayWindow): WindowCounts {
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
