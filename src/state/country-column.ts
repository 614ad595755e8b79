/**
 * The country every incident counts in: the `country` the data names, or, for a located incident
 * with none, the country whose outline holds its point (geo/point-in-country.ts). Resolved once
 * per dataset when both the data and the basemap's outlines are there; the country filter, the
 * filter panel's counts and the country panel all read this one column, so they always agree.
 * Only rows with no country are tested against the outlines, and nothing runs per slider step.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { IncidentTable } from '../data/incident-table';
import { locateRows } from '../geo/point-in-country';
import type { CountryProps } from '../geo/world';
import type { ValueCount } from './filters';

/** A basemap country outline (Natural Earth, ISO3 in `a3`). */
export type CountryShape = Feature<Polygon | MultiPolygon, CountryProps>;

/** Every row's country, named or placed by its point. */
export interface CountryColumn {
  /** Per row: an index into `strings`, or -1 (no country named and none found). */
  values: Int32Array;
  /** The table's interned strings, then any country name that only outlines gave. */
  strings: readonly string[];
  /** Rows given their country by their point, in row (day) order. */
  placed: Uint32Array;
}

/**
 * The name an outline gives the incidents inside it: the force-level file's name for that ISO3
 * (what the country panel and the data use), else the basemap's.
 */
export function outlineNames(
  shapes: readonly CountryShape[],
  countries: readonly { iso3: string; name: string }[],
): string[] {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c.name]));
  return shapes.map((f) => byIso3.get(f.properties.a3) ?? f.properties.name);
}

/** Resolves the table's countries against the outlines (names: `outlineNames`). */
export function resolveCountries(
  table: IncidentTable,
  shapes: readonly CountryShape[],
  names: readonly string[],
): CountryColumn {
  const named = table.text.country;
  const { position } = table;
  let n = 0;
  for (let row = 0; row < table.length; row++)
    if (named[row]! < 0 && Number.isFinite(position[2 * row])) n++;
  if (n === 0) return { values: named, strings: table.strings, placed: new Uint32Array(0) };

  const missing = new Uint32Array(n);
  n = 0;
  for (let row = 0; row < table.length; row++)
    if (named[row]! < 0 && Number.isFinite(position[2 * row])) missing[n++] = row;
  const owners = locateRows(
    position,
    missing,
    shapes.map((s) => s.geometry),
  );

  const values = named.slice();
  const strings = table.strings.slice();
  const idOfOwner = new Map<number, number>();
  const placed: number[] = [];
  for (let i = 0; i < missing.length; i++) {
    const owner = owners[i]!;
    if (owner < 0) continue;
    let id = idOfOwner.get(owner);
    if (id === undefined) {
      const name = names[owner]!;
      id = strings.indexOf(name);
      if (id < 0) id = strings.push(name) - 1;
      idOfOwner.set(owner, id);
    }
    values[missing[i]!] = id;
    placed.push(missing[i]!);
  }
  return { values, strings, placed: Uint32Array.from(placed) };
}

const countCache = new WeakMap<Int32Array, ValueCount[]>();

/**
 * The countries with their number of incidents, most first (ties by name), as the country
 * filter counts them. Built once per column.
 */
export function countryCounts(column: CountryColumn): ValueCount[] {
  let list = countCache.get(column.values);
  if (!list) {
    const perId = new Uint32Array(column.strings.length);
    for (const v of column.values) if (v >= 0) perId[v]!++;
    const counts = new Map<string, number>();
    perId.forEach((c, k) => {
      if (c > 0) counts.set(column.strings[k]!, (counts.get(column.strings[k]!) ?? 0) + c);
    });
    list = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    countCache.set(column.values, list);
  }
  return list;
}

/** The column of a table before outlines are known: the countries the data names. */
export function namedCountries(table: IncidentTable): CountryColumn {
  return { values: table.text.country, strings: table.strings, placed: new Uint32Array(0) };
}
