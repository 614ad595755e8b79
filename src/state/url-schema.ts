/**
 * The URL contract: every query key the app reads or writes goes through this module
 * (DESIGN.md "URL contract"). The camera lives in the hash (`#map=zoom/lat/lng`), owned by MapLibre.
 * Invalid values are dropped with a notice; unknown keys are left alone. The filter keys' parser
 * lives in url-filters.ts.
 */
import { dayToIso, isoToDay } from '../time/days';
import { isSpeed, SPEEDS, type Speed } from '../time/playback';
import { MAX_SPAN_DAYS, validSpanDays, WINDOW_MODES, type WindowMode } from '../time/window-modes';
import type { Confidence, IncidentType } from '../data/types';
import { sortFromText, sortToText, type TableSort } from './filters-table';
import type { RingChoice } from '../geo/range-rings';
import { escapeItem, parseFilters } from './url-filters';
import {
  parsePanelKeys,
  serializePanelKeys,
  type RadiusKm,
  type RankBasis,
  type RankOrder,
} from './url-panels';
import { parseViewOptions, type ViewOptions } from './url-view';

export { MAX_ITEM_LENGTH, MAX_LIST_ITEMS, MAX_QUERY_LENGTH } from './url-filters';
export {
  DEFAULT_RADIUS_KM,
  RADIUS_OPTIONS_KM,
  RANK_BASES,
  RANK_ORDERS,
  type RadiusKm,
  type RankBasis,
  type RankOrder,
} from './url-panels';

/** What the timeline's bars measure: incidents, or U.S. casualties (killed + injured, attacks only). */
export const WEIGHTS = ['count', 'casualties'] as const;
export type Weight = (typeof WEIGHTS)[number];

/** Map layers the legend can toggle. `density` is the heatmap view of attacks and strikes. */
export const LAYER_IDS = ['attacks', 'strikes', 'bases', 'forces', 'density'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Layers shown when the URL has no `layers` key. */
export const DEFAULT_LAYERS: readonly LayerId[] = ['attacks', 'strikes', 'bases', 'forces'];

/** What a panel shows: a base, an incident or a country (ISO3). */
export interface Selection {
  kind: 'base' | 'incident' | 'country';
  id: string;
}

/** The view state carried in the query string. Absent keys mean "the default". */
export interface UrlState {
  from?: number;
  to?: number;
  /** Window mode; absent = `range`. */
  mode?: WindowMode;
  /** Moving window length in days (mode `window`); absent = 30. */
  span?: number;
  /** Playback speed, days per second; absent = 7. */
  speed?: Speed;
  /** Timeline bars weighting; absent = `count`. */
  weight?: Weight;
  select?: Selection;
  layers?: LayerId[];
  /** Radius of "attacks near the selected base", km. */
  radius?: RadiusKm;
  /** Range rings around the selected base: the radius ring and each reach ring on its own. */
  rings?: RingChoice;
  /** Filters (state/filters.ts): incident types, claimed-by groups, confidence levels, countries. */
  types?: IncidentType[];
  groups?: string[];
  confidence?: Confidence[];
  countries?: string[];
  /** Only incidents with U.S. casualties. */
  casualties?: boolean;
  /** Text search. */
  q?: string;
  /** The incident table is open. */
  table?: boolean;
  /** The table's sort; absent = by date, oldest first. */
  sort?: TableSort;
  /** The base ranking ("Compare bases") panel is open. */
  compare?: boolean;
  /** How the ranking is ordered; absent = most attacked first. */
  rank?: RankOrder;
  /** What the ranking counts; absent = incidents tagged with each base. */
  basis?: RankBasis;
  /** A story (presentation) id; see src/data/story.ts. */
  story?: string;
  /** The story's step, 1-based (only meaningful with `story`). */
  step?: number;
  /**
   * `local`: the view was made on data from a local file, which a link cannot carry (the page
   * opening it says so and shows what it can).
   */
  data?: 'local';
  incidents?: string;
  bases?: string;
  forces?: string;
}

/** A story id: lowercase letters, digits and hyphens, at most 40 characters. */
export const STORY_ID = /^[a-z0-9-]{1,40}$/;
/** Story steps are numbered 1..MAX_STORY_STEP in the URL. */
export const MAX_STORY_STEP = 99;

const DATA_KEYS = ['incidents', 'bases', 'forces'] as const;

/** Longest id `select` accepts (ids in the data are short; a longer one is not an id). */
export const MAX_SELECT_ID_LENGTH = 200;
/** Longest data URL accepted: past this a link is more likely mangled or hostile than real. */
export const MAX_DATA_URL_LENGTH = 2048;

/** A data URL may be a relative path or an absolute http(s) URL; nothing else is fetched. */
function isSafeDataUrl(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return /^https?:\/\//i.test(value);
  return !value.startsWith('//');
}

/** Parses the query string. Returns the state and a notice per dropped value. */
export function parseUrl(search: string): {
  state: UrlState;
  /** The presentation keys (theme, embed, controls, autoplay, origin: url-view.ts). */
  view: ViewOptions;
  notices: string[];
} {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const notices: string[] = [];
  const drop = (key: string, value: string, why: string) =>
    notices.push(`Ignored ${key}=${value.slice(0, 60)}: ${why}.`);

  for (const key of ['from', 'to'] as const) {
    const v = params.get(key);
    if (v === null) continue;
    const day = isoToDay(v);
    if (day === null) drop(key, v, 'not a date (YYYY-MM-DD)');
    else state[key] = day;
  }
  if (state.from !== undefined && state.to !== undefined && state.from > state.to) {
    [state.from, state.to] = [state.to, state.from];
    notices.push('from was after to: the dates were swapped.');
  }

  const mode = params.get('mode');
  if (mode !== null) {
    if ((WINDOW_MODES as readonly string[]).includes(mode)) state.mode = mode as WindowMode;
    else drop('mode', mode, `expected one of ${WINDOW_MODES.join(', ')}`);
  }

  const span = params.get('span');
  if (span !== null) {
    const days = /^\d+$/.test(span) ? validSpanDays(Number(span)) : null;
    if (days !== null) state.span = days;
    else drop('span', span, `expected a whole number of days from 1 to ${MAX_SPAN_DAYS}`);
  }

  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed !== '' && isSpeed(n)) state.speed = n;
    else drop('speed', speed, `expected days per second, one of ${SPEEDS.join(', ')}`);
  }

  const weight = params.get('weight');
  if (weight !== null) {
    if ((WEIGHTS as readonly string[]).includes(weight)) state.weight = weight as Weight;
    else drop('weight', weight, `expected one of ${WEIGHTS.join(', ')}`);
  }

  const select = params.get('select');
  if (select !== null) {
    const m = /^(base|incident|country):(.+)$/.exec(select);
    if (!m) drop('select', select, 'expected base:<id>, incident:<id> or country:<ISO3>');
    else if (m[2]!.length > MAX_SELECT_ID_LENGTH)
      drop('select', select, `the id is longer than ${MAX_SELECT_ID_LENGTH} characters`);
    else state.select = { kind: m[1] as Selection['kind'], id: m[2]! };
  }

  const layers = params.get('layers');
  if (layers !== null) {
    const list = layers.split(',').filter(Boolean);
    const bad = list.filter((l) => !(LAYER_IDS as readonly string[]).includes(l));
    if (bad.length) drop('layers', bad.join(','), `unknown layer (known: ${LAYER_IDS.join(', ')})`);
    state.layers = list.filter((l): l is LayerId => (LAYER_IDS as readonly string[]).includes(l));
  }

  parsePanelKeys(params, state, drop);
  parseFilters(params, state, drop);

  const table = params.get('table');
  if (table !== null) {
    if (table === '1' || table === '0') state.table = table === '1';
    else drop('table', table, 'expected 1 or 0');
  }

  const sort = params.get('sort');
  if (sort !== null) {
    const s = sortFromText(sort);
    if (s) state.sort = s;
    else
      drop(
        'sort',
        sort,
        'expected a column (date, type, target, country, group, casualties, confidence), - first for descending',
      );
  }

  parseStory(params, state, drop);
  const view = parseViewOptions(params, drop);

  const data = params.get('data');
  if (data !== null) {
    if (data === 'local') state.data = 'local';
    else drop('data', data, 'expected local');
  }
  for (const key of DATA_KEYS) {
    const v = params.get(key);
    if (v === null || v === '') continue;
    if (v.length > MAX_DATA_URL_LENGTH)
      drop(key, v, `longer than ${MAX_DATA_URL_LENGTH} characters`);
    else if (isSafeDataUrl(v)) state[key] = v;
    else drop(key, v, 'only relative paths and http(s) URLs are loaded');
  }
  return { state, view, notices };
}

/** Reads `story` (an id) and `step` (1-based). */
function parseStory(
  params: URLSearchParams,
  state: UrlState,
  drop: (key: string, value: string, why: string) => void,
): void {
  const story = params.get('story');
  if (story !== null) {
    if (STORY_ID.test(story)) state.story = story;
    else drop('story', story, 'expected an id of a-z, 0-9 and -, at most 40 characters');
  }
  const step = params.get('step');
  if (step !== null) {
    const n = /^\d{1,2}$/.test(step) ? Number(step) : 0;
    if (n >= 1 && n <= MAX_STORY_STEP) state.step = n;
    else drop('step', step, `expected a step number from 1 to ${MAX_STORY_STEP}`);
  }
}

/**
 * Writes the state into a query string, keeping keys this module does not own.
 * @param current the current query string (its unknown keys are preserved)
 */
export function serializeUrl(state: UrlState, current = ''): string {
  const params = new URLSearchParams(current);
  const put = (key: string, value: string | undefined) => {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  };
  const iso = (d: number | undefined) => (d === undefined ? undefined : dayToIso(d));
  put('from', iso(state.from));
  put('to', iso(state.to));
  put('mode', state.mode);
  put('span', state.span === undefined ? undefined : String(state.span));
  put('speed', state.speed === undefined ? undefined : String(state.speed));
  put('weight', state.weight);
  put('select', state.select ? `${state.select.kind}:${state.select.id}` : undefined);
  put('layers', state.layers?.join(','));
  serializePanelKeys(state, put);
  const list = (v: readonly string[] | undefined) =>
    v && v.length ? v.map(escapeItem).join(',') : undefined;
  put('types', list(state.types));
  put('groups', list(state.groups));
  put('confidence', list(state.confidence));
  put('countries', list(state.countries));
  put('casualties', state.casualties ? '1' : undefined);
  put('q', state.q || undefined);
  put('table', state.table ? '1' : undefined);
  put('sort', state.sort ? sortToText(state.sort) : undefined);
  put('story', state.story);
  put('step', state.step === undefined ? undefined : String(state.step));
  put('data', state.data);
  for (const key of DATA_KEYS) put(key, state[key]);
  return formatQuery(params);
}

/** `?…` for the params (empty when none), with `,` `:` `/` left readable. */
export function formatQuery(params: URLSearchParams): string {
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}
