/**
 * Questions about bases and countries over the window, answered from row sets found once with the
 * spatial index and summed with prefix sums (row-stats.ts). Sets are built lazily, for the base or
 * country a user looks at, and cached per dataset: a slider step only does binary searches.
 */
import type { LoadedData } from '../data/load-all';
import type { Base } from '../data/types';
import { rowsWithinKm } from '../geo/radius-query';
import type { DayWindow } from '../time/window';
import type { CountryColumn } from './country-column';
import type { Derived } from './derived';
import { buildRowStats, summarize, type RowStats, type RowSummary } from './row-stats';
import { isBaseActive } from './selectors';
import type { RankBasis, RankOrder } from './url-panels';

interface Cache {
  near: Map<string, RowStats>;
  tagged: Map<string, RowStats>;
  country: Map<string, { column: CountryColumn; stats: RowStats; inside: RowStats }>;
  weekly: WeakMap<RowStats, WeeklySeries>;
}

const caches = new WeakMap<Derived, Cache>();

function cacheOf(derived: Derived): Cache {
  let c = caches.get(derived);
  if (!c) {
    c = { near: new Map(), tagged: new Map(), country: new Map(), weekly: new WeakMap() };
    caches.set(derived, c);
  }
  return c;
}

/**
 * Incidents (attacks and strikes) recorded within `km` of the base, whatever base they are
 * tagged with. Bases sharing a point share the set (their counts are the same incidents).
 */
export function nearBaseStats(
  data: LoadedData,
  derived: Derived,
  base: Base,
  km: number,
): RowStats {
  const near = cacheOf(derived).near;
  const key = `${base.lng.toFixed(5)},${base.lat.toFixed(5)}@${km}`;
  let stats = near.get(key);
  if (!stats) {
    const rows = rowsWithinKm(derived.spatial, base.lng, base.lat, km);
    stats = buildRowStats(data.incidents, rows);
    near.set(key, stats);
  }
  return stats;
}

/** Incidents tagged with the base (`base_id`), located or not. */
export function taggedBaseStats(data: LoadedData, derived: Derived, baseId: string): RowStats {
  const tagged = cacheOf(derived).tagged;
  let stats = tagged.get(baseId);
  if (!stats) {
    stats = buildRowStats(data.incidents, derived.rowsByBase.get(baseId) ?? []);
    tagged.set(baseId, stats);
  }
  return stats;
}

/**
 * Incidents in a country, by the country column (country-column.ts): those whose `country` names
 * it, plus located incidents with no `country` whose point lies inside its outline. `inside` holds
 * the latter alone, so the panel can say how many were placed by their point. Until the outlines
 * are known the column holds only the named countries, and so does this.
 */
export function countryStats(
  data: LoadedData,
  derived: Derived,
  name: string,
  countries: CountryColumn,
): { stats: RowStats; inside: RowStats } {
  const cache = cacheOf(derived).country;
  let entry = cache.get(name);
  if (!entry || entry.column !== countries) {
    const t = data.incidents;
    const named = derived.rowsByCountry.get(name) ?? [];
    const id = countries.strings.indexOf(name);
    const inside = countries.placed.filter((row) => id >= 0 && countries.values[row] === id);
    const rows = inside.length ? Uint32Array.from([...named, ...inside]).sort() : named;
    entry = { column: countries, stats: buildRowStats(t, rows), inside: buildRowStats(t, inside) };
    cache.set(name, entry);
  }
  return entry;
}

/** Attacks per week (weeks start on Monday, UTC) over the data's whole span. */
export interface WeeklySeries {
  /** Epoch day of the Monday starting the first week. */
  firstDay: number;
  counts: Uint32Array;
  max: number;
}

/** Monday on or before an epoch day (day 0, 1 Jan 1970, was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Weekly attack counts of a row set over the span, built once per set (one pass over the set). */
export function weeklyAttacks(data: LoadedData, derived: Derived, stats: RowStats): WeeklySeries {
  const weekly = cacheOf(derived).weekly;
  let series = weekly.get(stats);
  if (!series) {
    const span = data.incidents.span ?? { start: 0, end: 0 };
    const firstDay = mondayOf(span.start);
    const counts = new Uint32Array(Math.floor((span.end - firstDay) / 7) + 1);
    const day = data.incidents.day;
    for (let i = 0; i < stats.rows.length; i++) {
      // An attack is where the attacks prefix steps up.
      if (stats.attacks[i + 1] === stats.attacks[i]) continue;
      counts[Math.floor((day[stats.rows[i]!]! - firstDay) / 7)]!++;
    }
    series = { firstDay, counts, max: Math.max(0, ...counts) };
    weekly.set(stats, series);
  }
  return series;
}

export type { RankBasis, RankOrder } from './url-panels';

/** One base in the ranking. */
export interface RankRow extends RowSummary {
  base: Base;
  /** Active on the window's end date. */
  active: boolean;
  /** Bases drawn on the same point (their radius counts are the same incidents). */
  sharesWith: string[];
}

/**
 * Every base with its totals in the window, ordered (ties by name). O(bases × log n) per window.
 * @param refine narrows each base's row set (the filters' masked set: state/filters-totals.ts)
 */
export function baseRanking(
  data: LoadedData,
  derived: Derived,
  w: DayWindow,
  basis: RankBasis,
  km: number,
  order: RankOrder,
  refine: (stats: RowStats) => RowStats = (stats) => stats,
): RankRow[] {
  const rows = data.bases.map((base) => {
    const stats = refine(
      basis === 'near'
        ? nearBaseStats(data, derived, base, km)
        : taggedBaseStats(data, derived, base.id),
    );
    return {
      ...summarize(data.incidents, stats, w),
      base,
      active: isBaseActive(base, w.end),
      sharesWith: (derived.colocated.get(base.id) ?? []).filter((id) => id !== base.id),
    };
  });
  const casualties = (r: RankRow) => r.usKilled + r.usInjured;
  return rows.sort(
    order === 'attacks'
      ? (a, b) => b.attacks - a.attacks || casualties(b) - casualties(a) || byName(a, b)
      : (a, b) =>
          casualties(b) - casualties(a) ||
          b.usKilled - a.usKilled ||
          b.attacks - a.attacks ||
          byName(a, b),
  );
}

function byName(a: RankRow, b: RankRow): number {
  return a.base.name.localeCompare(b.base.name);
}
