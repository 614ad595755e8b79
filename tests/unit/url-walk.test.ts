/**
 * Walks EVERY key of the URL contract both ways (schema: state → query → state and query → state →
 * canonical query; store: action → permalink → fresh store). The sample table is a
 * `Record<keyof UrlState, …>`, so TypeScript (npm run typecheck) fails when `UrlState` gains a key
 * this walk does not cover.
 */
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { createAppStore, type AppState, type AppStore } from '../../src/state/store';
import { formatQuery, parseUrl, serializeUrl, type UrlState } from '../../src/state/url-schema';
import { permalink } from '../../src/state/url-sync';
import { themeStore } from '../../src/state/theme';
import { initialSource, setDataSource } from '../../src/state/data-source';
import {
  DEFAULT_VIEW_OPTIONS,
  serializeViewOptions,
  type ViewOptions,
} from '../../src/state/url-view';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

/** A non-default value of each key and its canonical query text. */
const SAMPLES: { [K in keyof UrlState]-?: { value: NonNullable<UrlState[K]>; query: string } } = {
  from: { value: isoToDay('2023-10-18')!, query: 'from=2023-10-18' },
  to: { value: isoToDay('2024-01-28')!, query: 'to=2024-01-28' },
  mode: { value: 'cumulative', query: 'mode=cumulative' },
  span: { value: 7, query: 'span=7' },
  speed: { value: 30, query: 'speed=30' },
  weight: { value: 'casualties', query: 'weight=casualties' },
  select: { value: { kind: 'base', id: 'bravo' }, query: 'select=base:bravo' },
  layers: { value: ['attacks', 'density'], query: 'layers=attacks,density' },
  radius: { value: 50, query: 'radius=50' },
  rings: { value: { radius: false, reach: [100, 500] }, query: 'rings=100,500' },
  types: { value: ['drone', 'us_strike'], query: 'types=drone,us_strike' },
  groups: { value: ['A, B', '100%'], query: 'groups=A%252C+B,100%2525' },
  confidence: { value: ['high', 'low'], query: 'confidence=high,low' },
  countries: { value: ['Iraq', 'Syria'], query: 'countries=Iraq,Syria' },
  casualties: { value: true, query: 'casualties=1' },
  q: { value: 'tower 22', query: 'q=tower+22' },
  table: { value: true, query: 'table=1' },
  sort: { value: { key: 'casualties', desc: true }, query: 'sort=-casualties' },
  compare: { value: true, query: 'compare=1' },
  rank: { value: 'casualties', query: 'rank=casualties' },
  basis: { value: 'near', query: 'basis=near' },
  story: { value: 'campaign', query: 'story=campaign' },
  step: { value: 3, query: 'step=3' },
  data: { value: 'local', query: 'data=local' },
  incidents: { value: 'data/other.geojson', query: 'incidents=data/other.geojson' },
  bases: { value: 'https://example.org/b.geojson', query: 'bases=https://example.org/b.geojson' },
  forces: { value: 'f.json', query: 'forces=f.json' },
};
const KEYS = Object.keys(SAMPLES) as (keyof UrlState)[];

describe('every URL key round-trips through the schema', () => {
  it.each(KEYS)('%s: state → query → state, and query → state → the canonical query', (key) => {
    const { value, query } = SAMPLES[key];
    const state = { [key]: value } as UrlState;
    expect(serializeUrl(state)).toBe(`?${query}`);
    const parsed = parseUrl(`?${query}`);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toEqual(state);
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
  });

  it('all keys together round-trip, and the walk covers every key the parser knows', () => {
    const all = Object.fromEntries(KEYS.map((k) => [k, SAMPLES[k].value])) as UrlState;
    const search = serializeUrl(all);
    expect(parseUrl(search).state).toEqual(all);
    // Every key of the full query is one the walk names (no key escapes the table).
    expect([...new URLSearchParams(search).keys()].sort()).toEqual([...KEYS].sort());
  });

  it('omits defaults: an empty state is an empty query, and keys it does not own stay', () => {
    expect(serializeUrl({})).toBe('');
    expect(serializeUrl({}, '?theme=dark&embed=1')).toBe('?theme=dark&embed=1');
  });

  it('drops a bad story id or step with a notice', () => {
    for (const bad of [
      'story=Campaign',
      'story=a_b',
      `story=${'a'.repeat(41)}`,
      'step=0',
      'step=100',
      'step=2.5',
      'step=x',
    ]) {
      const r = parseUrl(`?${bad}`);
      expect(r.state, bad).toEqual({});
      expect(r.notices[0], bad).toMatch(/^Ignored (story|step)=/);
    }
    expect(parseUrl('?step=03').state).toEqual({ step: 3 });
  });
});

async function readyStore(url: UrlState = {}): Promise<AppStore> {
  const store = createAppStore(url);
  store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), url);
  return store;
}

/** The view state a permalink must carry. */
function view(s: AppState) {
  return {
    window: s.window,
    mode: s.mode,
    spanDays: s.mode === 'window' ? s.spanDays : null,
    speed: s.speed,
    weight: s.weight,
    filters: s.filters,
    selection: s.selection,
    layers: s.layers,
    radiusKm: s.radiusKm,
    rings: s.rings,
    rankOrder: s.rankOrder,
    rankBasis: s.rankBasis,
    tableOpen: s.tableOpen,
    tableSort: s.tableSort,
    compareOpen: s.compareOpen,
    story: s.story,
    storyStep: s.story ? s.storyStep : null,
  };
}

const day = (iso: string) => isoToDay(iso)!;

/** The keys the store owns (`from`/`to` are one window; data URLs stay as requested). */
type StoreKey =
  Exclude<keyof UrlState, 'from' | 'to' | 'data' | 'incidents' | 'bases' | 'forces'> | 'window';

/** One store action per view key; typed, so a new URL key needs an action here too. */
const ACTIONS: Record<StoreKey, (s: AppState) => void> = {
  window: (s) => s.setWindow({ start: day('2023-10-18'), end: day('2024-01-10') }),
  mode: (s) => s.setMode('cumulative'),
  span: (s) => {
    s.setMode('window');
    s.setSpanDays(7);
  },
  speed: (s) => s.setSpeed(30),
  weight: (s) => s.setWeight('casualties'),
  types: (s) => s.setFilters({ types: ['rocket', 'us_strike'] }),
  groups: (s) => s.setFilters({ groups: ['unclaimed'] }),
  confidence: (s) => s.setFilters({ confidence: ['high'] }),
  countries: (s) => s.setFilters({ countries: ['Iraq'] }),
  casualties: (s) => s.setFilters({ casualties: true }),
  q: (s) => s.setFilters({ q: 'Bravo' }),
  select: (s) => s.select({ kind: 'incident', id: 'I3' }),
  layers: (s) => s.toggleLayer('density'),
  radius: (s) => s.setRadius(100),
  rings: (s) => {
    s.toggleRing('radius', true);
    s.toggleRing(300, true);
  },
  table: (s) => s.setTableOpen(true),
  sort: (s) => s.setTableSort({ key: 'target', desc: true }),
  compare: (s) => s.setCompareOpen(true),
  rank: (s) => s.setRankOrder('casualties'),
  basis: (s) => s.setRankBasis('near'),
  story: (s) => s.openStory('campaign', 4),
  step: (s) => {
    s.openStory('campaign');
    s.setStoryStep(2);
  },
};

describe('store → permalink → fresh store', () => {
  it.each(Object.keys(ACTIONS))('%s survives the permalink', async (name) => {
    const store = await readyStore();
    const before = view(store.getState());
    ACTIONS[name as StoreKey](store.getState());
    const changed = view(store.getState());
    expect(changed, 'the action changes the view').not.toEqual(before);

    themeStore().getState().setPreference('dark');
    const link = permalink(store.getState(), 'https://example.org/app/#map=5/33/42');
    themeStore().getState().setPreference('light');
    const url = new URL(link);
    expect(url.hash).toBe('#map=5/33/42');
    expect(url.searchParams.get('theme')).toBe('dark');
    const parsed = parseUrl(url.search);
    expect(parsed.notices).toEqual([]);
    const fresh = await readyStore(parsed.state);
    expect(view(fresh.getState())).toEqual(changed);
  });

  it('a default store makes a link with only the window', async () => {
    const store = await readyStore();
    const link = permalink(store.getState(), 'https://example.org/');
    expect(link).toBe('https://example.org/?from=2023-10-17&to=2024-02-02');
  });

  it('leaving the story removes story and step from the link', async () => {
    const store = await readyStore({ story: 'campaign', step: 3 });
    expect(permalink(store.getState(), 'https://example.org/')).toContain('story=campaign&step=3');
    store.getState().leaveStory();
    const link = permalink(store.getState(), 'https://example.org/?story=campaign&step=3');
    expect(link).not.toMatch(/story=|step=/);
  });
});

describe('range rings and the ranking through the store', () => {
  it('an older rings=1 link draws every ring and its permalink still says rings=1', async () => {
    const { state } = parseUrl('?select=base:bravo&rings=1');
    const store = await readyStore(state);
    expect(store.getState().rings).toEqual({ radius: true, reach: [100, 300, 500] });
    expect(new URL(permalink(store.getState(), 'https://example.org/')).search).toContain(
      'rings=1',
    );
    // Switching one ring off writes the rings that are left.
    store.getState().toggleRing(300, false);
    const rest = new URL(permalink(store.getState(), 'https://example.org/'));
    expect(rest.searchParams.get('rings')).toBe('radius,100,500');
    // Switching every ring off leaves the key out (no rings is the default).
    for (const ring of ['radius', 100, 500] as const) store.getState().toggleRing(ring, false);
    expect(permalink(store.getState(), 'https://example.org/')).not.toContain('rings=');
  });

  it('rings=0 (older links) and no key both mean no rings', async () => {
    const off = await readyStore(parseUrl('?rings=0').state);
    const none = await readyStore();
    expect(off.getState().rings).toEqual(none.getState().rings);
    expect(off.getState().rings).toEqual({ radius: false, reach: [] });
  });

  it('the ranking order and basis leave the URL at their defaults', async () => {
    const store = await readyStore(parseUrl('?compare=1&rank=casualties&basis=near').state);
    expect(store.getState()).toMatchObject({ rankOrder: 'casualties', rankBasis: 'near' });
    store.getState().setRankOrder('attacks');
    store.getState().setRankBasis('tagged');
    const url = new URL(permalink(store.getState(), 'https://example.org/'));
    expect(url.searchParams.get('compare')).toBe('1');
    expect(url.search).not.toMatch(/rank=|basis=/);
  });
});

/** A non-default value of each presentation key (url-view.ts) and its canonical query. */
const VIEW_SAMPLES: {
  [K in keyof ViewOptions]-?: { value: ViewOptions[K]; query: string; with?: Partial<ViewOptions> };
} = {
  theme: { value: 'dark', query: 'theme=dark' },
  embed: { value: true, query: 'embed=1' },
  controls: { value: 'none', query: 'embed=1&controls=none', with: { embed: true } },
  autoplay: { value: true, query: 'autoplay=1' },
  origins: {
    value: ['https://news.example.org', 'http://localhost:8080'],
    query: 'origin=https://news.example.org,http://localhost:8080',
  },
};

describe('every presentation key round-trips through the URL module', () => {
  it.each(Object.keys(VIEW_SAMPLES) as (keyof ViewOptions)[])('%s', (key) => {
    const { value, query, with: extra = {} } = VIEW_SAMPLES[key];
    const expected = { ...DEFAULT_VIEW_OPTIONS, ...extra, [key]: value };
    const parsed = parseUrl(`?${query}`);
    expect(parsed.notices).toEqual([]);
    expect(parsed.view).toEqual(expected);
    const params = new URLSearchParams();
    serializeViewOptions(expected, params);
    expect(formatQuery(params)).toBe(`?${query}`);
  });

  it('the link of a view on a local file says so (data=local), and the theme in force', async () => {
    const store = await readyStore();
    setDataSource({ ...initialSource(), origin: null, files: ['mine.csv'] });
    themeStore().getState().setPreference('auto');
    try {
      const url = new URL(permalink(store.getState(), 'https://example.org/'));
      expect(url.searchParams.get('data')).toBe('local');
      expect(url.searchParams.get('theme')).toBe('auto');
      expect(url.search).not.toContain('mine.csv');
    } finally {
      setDataSource(initialSource());
      themeStore().getState().setPreference('light');
    }
  });
});
