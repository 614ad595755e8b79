/**
 * Keeps the query string in step with the store. Writes with `replaceState` (scrubbing must not
 * flood history), debounced so URL writes stay out of the scrub path.
 */
import { hasRings } from '../geo/range-rings';
import {
  DEFAULT_LAYERS,
  DEFAULT_RADIUS_KM,
  LAYER_IDS,
  RANK_BASES,
  RANK_ORDERS,
} from './url-schema';
import { DEFAULT_SPEED } from '../time/playback';
import { formatQuery, parseUrl, serializeUrl, type UrlState } from './url-schema';
import { serializeTheme } from './url-view';
import { onThemeChange, themeStore } from './theme';
import { dataSource, isLocalData } from './data-source';
import type { AppState, AppStore } from './store';
import { DEFAULT_SORT } from './filters-table';
import { normalizeQuery } from './filters';

/** The URL view of the store (data URLs are kept as they were requested). */
export function urlStateOf(
  s: AppState,
  dataUrls: Pick<UrlState, 'incidents' | 'bases' | 'forces'>,
): UrlState {
  const isDefault = LAYER_IDS.every((id) => s.layers[id] === DEFAULT_LAYERS.includes(id));
  return {
    ...dataUrls,
    from: s.window?.start,
    to: s.window?.end,
    mode: s.mode === 'range' ? undefined : s.mode,
    // The length belongs to the moving window only; other modes leave it out.
    span: s.mode === 'window' ? s.spanDays : undefined,
    speed: s.speed === DEFAULT_SPEED ? undefined : s.speed,
    weight: s.weight === 'count' ? undefined : s.weight,
    select: s.selection ?? undefined,
    layers: isDefault ? undefined : LAYER_IDS.filter((id) => s.layers[id]),
    radius: s.radiusKm === DEFAULT_RADIUS_KM ? undefined : s.radiusKm,
    rings: hasRings(s.rings) ? s.rings : undefined,
    types: s.filters.types.length ? [...s.filters.types] : undefined,
    groups: s.filters.groups.length ? [...s.filters.groups] : undefined,
    confidence: s.filters.confidence.length ? [...s.filters.confidence] : undefined,
    countries: s.filters.countries.length ? [...s.filters.countries] : undefined,
    casualties: s.filters.casualties ? true : undefined,
    q: normalizeQuery(s.filters.q) || undefined,
    table: s.tableOpen ? true : undefined,
    sort:
      s.tableSort.key === DEFAULT_SORT.key && s.tableSort.desc === DEFAULT_SORT.desc
        ? undefined
        : s.tableSort,
    compare: s.compareOpen ? true : undefined,
    rank: s.rankOrder === RANK_ORDERS[0] ? undefined : s.rankOrder,
    basis: s.rankBasis === RANK_BASES[0] ? undefined : s.rankBasis,
    story: s.story ?? undefined,
    step: s.story ? s.storyStep : undefined,
  };
}

/**
 * The address that reopens the current view (window, filters, selection, table, camera), built
 * from the store now rather than read off the address bar, which is written after a delay.
 */
export function permalink(s: AppState, href: string = location.href): string {
  const url = new URL(href);
  const { state } = parseUrl(url.search);
  const dataUrls = { incidents: state.incidents, bases: state.bases, forces: state.forces };
  return `${url.origin}${url.pathname}${searchOf(s, dataUrls, url.search)}${url.hash}`;
}

/**
 * The query string of the view: the store's keys, the theme preference, and `data=local` when
 * the map shows a local file (which the link cannot carry); other keys of `current` stay.
 */
function searchOf(
  s: AppState,
  dataUrls: Pick<UrlState, 'incidents' | 'bases' | 'forces'>,
  current: string,
): string {
  const state = {
    ...urlStateOf(s, dataUrls),
    data: isLocalData() ? ('local' as const) : undefined,
  };
  const params = new URLSearchParams(serializeUrl(state, current));
  serializeTheme(themeStore().getState().preference, params);
  return formatQuery(params);
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(
  store: AppStore,
  dataUrls: Pick<UrlState, 'incidents' | 'bases' | 'forces'>,
  delayMs = 150,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const s = store.getState();
    if (s.status !== 'ready') return;
    const search = searchOf(s, dataUrls, location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.window === prev.window &&
      s.mode === prev.mode &&
      s.spanDays === prev.spanDays &&
      s.speed === prev.speed &&
      s.weight === prev.weight &&
      s.selection === prev.selection &&
      s.layers === prev.layers &&
      s.radiusKm === prev.radiusKm &&
      s.rings === prev.rings &&
      s.filters === prev.filters &&
      s.tableOpen === prev.tableOpen &&
      s.tableSort === prev.tableSort &&
      s.compareOpen === prev.compareOpen &&
      s.rankOrder === prev.rankOrder &&
      s.rankBasis === prev.rankBasis &&
      s.story === prev.story &&
      s.storyStep === prev.storyStep &&
      s.status === prev.status
    )
      return;
    schedule();
  });
  // The theme switch and imports change the address too (theme=, data=local).
  const stopTheme = onThemeChange(schedule);
  const stopSource = dataSource.subscribe(schedule);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    stopTheme();
    stopSource();
  };
}
