/**
 * Filters over the incidents: criteria (type, claimed-by group, confidence, country, "with U.S.
 * casualties", a text search) and their evaluation into one per-row mask. The mask is computed
 * once per filter change, never per slider step; everything that follows the window reads
 * prefix sums built from it (filters-totals.ts), and the map uploads it once as a filter value.
 *
 * Semantics: inside one criterion the values are alternatives (drone OR rocket); criteria combine
 * with AND. An empty list means "no condition". A row whose group is missing counts as
 * `unclaimed` (as in the incident panel). A row's country is the one of the country column
 * (country-column.ts: as named, or placed by its point when the data names none); a row with no
 * country there, or without a confidence, never matches a country or confidence condition.
 */
import { NONE, type IncidentTable, type PackedText } from '../data/incident-table';
import type { CountryColumn } from './country-column';
import {
  CONFIDENCE_LEVELS,
  INCIDENT_TYPES,
  type Confidence,
  type IncidentType,
} from '../data/types';

/** The filter criteria (what the URL carries). */
export interface Filters {
  types: readonly IncidentType[];
  /** `claimed_by_group` values. */
  groups: readonly string[];
  confidence: readonly Confidence[];
  /** `country` values (English names as in the data). */
  countries: readonly string[];
  /** Only incidents with U.S. killed or injured (a reported figure above 0). */
  casualties: boolean;
  /** Text searched in target, claimed by (as reported and the group) and description. */
  q: string;
}

/** No condition at all. */
export const NO_FILTERS: Filters = {
  types: [],
  groups: [],
  confidence: [],
  countries: [],
  casualties: false,
  q: '',
};

/** The group a row without one counts as. */
export const UNCLAIMED = 'unclaimed';

/** The query as matched: trimmed, inner whitespace collapsed. */
export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/** Number of criteria in use (for a badge: "Filters (2)"). */
export function activeFilterCount(f: Filters): number {
  return (
    (f.types.length > 0 ? 1 : 0) +
    (f.groups.length > 0 ? 1 : 0) +
    (f.confidence.length > 0 ? 1 : 0) +
    (f.countries.length > 0 ? 1 : 0) +
    (f.casualties ? 1 : 0) +
    (normalizeQuery(f.q) ? 1 : 0)
  );
}

/** Whether any criterion is in use. */
export function isFiltering(f: Filters): boolean {
  return activeFilterCount(f) > 0;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

/** Whether two sets of criteria select the same rows (list order does not matter). */
export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    sameList(a.types, b.types) &&
    sameList(a.groups, b.groups) &&
    sameList(a.confidence, b.confidence) &&
    sameList(a.countries, b.countries) &&
    a.casualties === b.casualties &&
    normalizeQuery(a.q) === normalizeQuery(b.q)
  );
}

/** A case-insensitive literal pattern for the query (no regex syntax reaches the engine). */
export function queryPattern(q: string, flags = 'i'): RegExp {
  return new RegExp(normalizeQuery(q).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}

/** Per interned string: 1 where it contains the query. Each distinct string is tested once. */
export function searchStrings(strings: readonly string[], q: string): Uint8Array {
  const re = queryPattern(q);
  const hit = new Uint8Array(strings.length);
  for (let k = 0; k < strings.length; k++) if (re.test(strings[k]!)) hit[k] = 1;
  return hit;
}

/**
 * Per packed value: 1 where it contains the query. Scans each long chunk with one native regex
 * pass (no per-row strings are made) and maps every match to its value by binary search on the
 * offsets. A match that runs across two values is not one: the scan resumes one character later.
 */
export function searchPacked(packed: PackedText, q: string): Uint8Array {
  const { offsets, chunks, chunkStart } = packed;
  const values = Math.max(0, offsets.length - 1);
  const hit = new Uint8Array(values);
  const re = queryPattern(q, 'gi');
  let k = 0;
  for (let c = 0; c < chunks.length; c++) {
    const text = chunks[c]!;
    const base = chunkStart[c]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const at = base + m.index;
      // Values are in offset order and matches come in text order: advance k, bisect on jumps.
      if (offsets[k + 1]! <= at) k = valueAt(offsets, at, k);
      const end = at + m[0].length;
      if (end <= offsets[k + 1]!) {
        hit[k] = 1;
        // The rest of this value cannot add anything: skip to the next one.
        re.lastIndex = Math.max(re.lastIndex, offsets[k + 1]! - base);
      } else {
        re.lastIndex = m.index + 1;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return hit;
}

/** The value k with offsets[k] <= at < offsets[k + 1], searching from `from`. */
function valueAt(offsets: Float64Array, at: number, from: number): number {
  let lo = from;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per interned string id (+1, so -1 = null maps to 0): whether a value list accepts it. */
function acceptStrings(
  strings: readonly string[],
  values: readonly string[],
  nullAs: string | null,
) {
  const wanted = new Set(values);
  const ok = new Uint8Array(strings.length + 1);
  ok[0] = nullAs !== null && wanted.has(nullAs) ? 1 : 0;
  for (let k = 0; k < strings.length; k++) if (wanted.has(strings[k]!)) ok[k + 1] = 1;
  return ok;
}

/**
 * The rows passing the filters: mask[row] = 1, and how many there are. One pass over the rows.
 * @param countries every row's country (country-column.ts); the named ones when not given
 */
export function filterMask(
  table: IncidentTable,
  f: Filters,
  countries: Pick<CountryColumn, 'values' | 'strings'> = {
    values: table.text.country,
    strings: table.strings,
  },
): { mask: Uint8Array; count: number } {
  const n = table.length;
  const mask = new Uint8Array(n);
  const typeOk = new Uint8Array(INCIDENT_TYPES.length).fill(f.types.length ? 0 : 1);
  for (const t of f.types) typeOk[INCIDENT_TYPES.indexOf(t)] = 1;
  const confOk = new Uint8Array(256).fill(f.confidence.length ? 0 : 1);
  for (const c of f.confidence) confOk[CONFIDENCE_LEVELS.indexOf(c)] = 1;
  if (f.confidence.length) confOk[NONE] = 0;
  const groupCol = table.text.claimed_by_group;
  const countryCol = countries.values;
  const groupOk = f.groups.length ? acceptStrings(table.strings, f.groups, UNCLAIMED) : null;
  const countryOk = f.countries.length ? acceptStrings(countries.strings, f.countries, null) : null;
  const q = normalizeQuery(f.q);
  const strHit = q ? searchStrings(table.strings, q) : null;
  const descHit = q ? searchPacked(table.packed, q) : null;
  const { target, claimed_by: claimed, description } = table.text;
  const { typeIndex, confidence, usKilled, usInjured } = table;
  let count = 0;
  for (let row = 0; row < n; row++) {
    if (!typeOk[typeIndex[row]!] || !confOk[confidence[row]!]) continue;
    if (groupOk && !groupOk[groupCol[row]! + 1]) continue;
    if (countryOk && !countryOk[countryCol[row]! + 1]) continue;
    if (f.casualties && !(usKilled[row]! > 0 || usInjured[row]! > 0)) continue;
    if (strHit) {
      const s = (k: number) => k >= 0 && strHit[k] === 1;
      const d = description[row]!;
      if (
        !s(target[row]!) &&
        !s(claimed[row]!) &&
        !s(groupCol[row]!) &&
        !(d >= 0 && descHit![d] === 1)
      )
        continue;
    }
    mask[row] = 1;
    count++;
  }
  return { mask, count };
}

/** A distinct value of a column with its number of rows. */
export interface ValueCount {
  value: string;
  count: number;
}

const valueCache = new WeakMap<IncidentTable, Map<string, ValueCount[]>>();

/**
 * The distinct values of an interned column (groups, countries) with their row counts, most
 * frequent first (ties by name). Built once per table and column.
 * @param nullAs the value missing entries count as (null: left out)
 */
export function distinctValues(
  table: IncidentTable,
  field: 'claimed_by_group' | 'country',
  nullAs: string | null = null,
): ValueCount[] {
  let byField = valueCache.get(table);
  if (!byField) valueCache.set(table, (byField = new Map()));
  const key = `${field}|${nullAs ?? ''}`;
  let list = byField.get(key);
  if (!list) {
    const col = table.text[field];
    const perId = new Uint32Array(table.strings.length + 1);
    for (let row = 0; row < table.length; row++) perId[col[row]! + 1]!++;
    const counts = new Map<string, number>();
    if (nullAs !== null && perId[0]! > 0) counts.set(nullAs, perId[0]!);
    for (let k = 0; k < table.strings.length; k++) {
      const c = perId[k + 1]!;
      if (c > 0) counts.set(table.strings[k]!, (counts.get(table.strings[k]!) ?? 0) + c);
    }
    list = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    byField.set(key, list);
  }
  return list;
}
