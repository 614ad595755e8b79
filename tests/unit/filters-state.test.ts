/**
 * Filters in the URL (keys, limits, notices, round trips) and in the store (the mask and filtered
 * indexes rebuilt on a filter change only; unknown groups and countries dropped with a notice;
 * the table's keys; the permalink).
 */
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { windowCounts } from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import {
  MAX_LIST_ITEMS,
  MAX_QUERY_LENGTH,
  parseUrl,
  serializeUrl,
  type UrlState,
} from '../../src/state/url-schema';
import { permalink, urlStateOf } from '../../src/state/url-sync';
import { isoToDay } from '../../src/time/days';
import { frameText } from '../../src/ui/export/render';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

async function readyStore(url: UrlState = {}) {
  const store = createAppStore(url);
  store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), url);
  return store;
}

describe('filter keys in the URL', () => {
  it('reads types, groups, confidence, countries, casualties, q, table and sort', () => {
    const { state, notices } = parseUrl(
      '?types=drone,rocket&groups=Kataib+Hezbollah,unclaimed&confidence=high&countries=Iraq&casualties=1&q=+tower++22+&table=1&sort=-casualties',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      types: ['drone', 'rocket'],
      groups: ['Kataib Hezbollah', 'unclaimed'],
      confidence: ['high'],
      countries: ['Iraq'],
      casualties: true,
      q: 'tower 22',
      table: true,
      sort: { key: 'casualties', desc: true },
    });
  });

  it('drops unknown or oversized values with a notice, keeping the valid ones', () => {
    const long = 'x'.repeat(MAX_QUERY_LENGTH + 1);
    const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `g${i}`).join(',');
    const { state, notices } = parseUrl(
      `?types=drone,laser&confidence=sure&casualties=yes&q=${long}&groups=${many}&countries=Iraq,%01x&sort=size&table=2`,
    );
    expect(state).toEqual({ types: ['drone'], countries: ['Iraq'] });
    const text = notices.join('\n');
    for (const key of [
      'types=laser',
      'confidence=sure',
      'casualties=yes',
      'q=',
      'groups=',
      'countries=',
      'sort=size',
      'table=2',
    ])
      expect(text).toContain(`Ignored ${key}`);
    expect(notices).toHaveLength(8);
  });

  it('round-trips filters, including values with commas, percent signs and spaces', () => {
    const state: UrlState = {
      types: ['us_strike', 'drone'],
      groups: ['A, B & C', '100% Group'],
      confidence: ['low', 'medium'],
      countries: ['Iraq', 'Syria'],
      casualties: true,
      q: 'al-Asad / "T-22"',
      table: true,
      sort: { key: 'target', desc: false },
    };
    const search = serializeUrl(state);
    expect(search).toContain('types=us_strike,drone');
    expect(parseUrl(search)).toMatchObject({ state, notices: [] });
    // Keys that are off are removed, others kept.
    expect(serializeUrl({}, `${search}&other=1`)).toBe('?other=1');
  });
});

describe('filters in the store', () => {
  const d = (iso: string) => isoToDay(iso)!;

  it('applies URL filters on load and rebuilds the filtered indexes only when they change', async () => {
    const store = await readyStore({ types: ['drone'] });
    const s = store.getState();
    expect(s.filtered?.count).toBe(2);
    expect(windowCounts(s.filtered!, s.window!)).toEqual({
      attacks: 2,
      strikes: 0,
      usKilled: 3,
      usInjured: 44,
    });
    const first = s.filtered;
    s.setWindow({ start: d('2023-10-17'), end: d('2023-12-31') });
    expect(store.getState().filtered).toBe(first);
    expect(windowCounts(store.getState().filtered!, store.getState().window!).attacks).toBe(1);
    // The same criteria in another order change nothing.
    store.getState().setFilters({ types: ['drone'] });
    expect(store.getState().filtered).toBe(first);
    store.getState().setFilters({ types: ['drone', 'us_strike'], q: 'abu' });
    expect(store.getState().filtered?.count).toBe(1);
    store.getState().clearFilters();
    expect(store.getState().filtered).toBeNull();
  });

  it('drops groups and countries the data does not have, with a notice', async () => {
    const store = await readyStore({ groups: ['unclaimed', 'Nobody'], countries: ['Narnia'] });
    const s = store.getState();
    expect(s.filters.groups).toEqual(['unclaimed']);
    expect(s.filters.countries).toEqual([]);
    expect(s.notices.join(' ')).toMatch(/group "Nobody".*country "Narnia"/);
    expect(s.filtered?.count).toBe(6);
  });

  it('writes filters, the table and its sort to the URL, and builds a permalink', async () => {
    const store = await readyStore({ table: true });
    store.getState().setFilters({ confidence: ['high'], casualties: true, q: ' tower ' });
    store.getState().setTableSort({ key: 'date', desc: true });
    const url = urlStateOf(store.getState(), {});
    expect(url).toMatchObject({
      confidence: ['high'],
      casualties: true,
      q: 'tower',
      table: true,
      sort: { key: 'date', desc: true },
    });
    expect(url.types).toBeUndefined();
    const link = permalink(
      store.getState(),
      'https://example.org/map/?incidents=x.geojson&foo=1#map=5/33/44',
    );
    const back = new URL(link);
    expect(back.pathname).toBe('/map/');
    expect(back.hash).toBe('#map=5/33/44');
    expect(back.searchParams.get('incidents')).toBe('x.geojson');
    expect(back.searchParams.get('foo')).toBe('1');
    expect(back.searchParams.get('q')).toBe('tower');
    expect(back.searchParams.get('sort')).toBe('-date');
    expect(back.searchParams.get('from')).toBe('2023-10-17');
    expect(parseUrl(back.search).notices).toEqual([]);
  });
});

describe('filters in the image export', () => {
  it('counts the filtered incidents and names the filters in the caption', async () => {
    const store = await readyStore({ types: ['drone'] });
    const s = store.getState();
    expect(frameText(s, 'T', s.window).countsText).toBe(
      '2 attacks · 0 U.S. strikes · 3 U.S. killed · 44 injured · Filtered: Type: Drone',
    );
    s.clearFilters();
    const all = store.getState();
    expect(frameText(all, 'T', all.window).countsText).toBe(
      '4 attacks · 2 U.S. strikes · 3 U.S. killed · 46 injured',
    );
  });
});
