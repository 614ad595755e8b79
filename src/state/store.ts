/**
 * The app's one store (zustand, vanilla so the map adapter can subscribe outside React).
 * Slices: data (loaded files and indexes), time (the window, its mode, playback, histogram
 * weighting), selection, view (layers, panels, hover). React reads it through selectors; the map
 * adapter subscribes to the slices it draws.
 */
import { createStore } from 'zustand/vanilla';
import type { LoadedData } from '../data/load-all';
import type { LoadProgress } from '../data/load-progress';
import { rowOfId } from '../data/incident-table';
import type { DayWindow } from '../time/window';
import {
  constrainWindow,
  DEFAULT_SPAN_DAYS,
  type WindowEnd,
  type WindowMode,
} from '../time/window-modes';
import { DEFAULT_SPEED, type Speed } from '../time/playback';
import { timeActions } from './time-actions';
import { deriveIndexes, type Derived } from './derived';
import type { Filters } from './filters';
import { filterActions, filtersFromUrl, keepKnownValues } from './filters-actions';
import { DEFAULT_SORT, type TableSort } from './filters-table';
import { applyFilters, type FilterResult } from './filters-totals';
import {
  storyActions,
  storyFromUrl,
  type CameraRequest,
  type CameraTarget,
  type StoryView,
} from './story-actions';
import type { ReachKm, RingChoice } from '../geo/range-rings';
import { panelActions, panelsFromUrl } from './panel-actions';
import { countryActions, countryColumnFor } from './country-actions';
import type { CountryColumn, CountryShape } from './country-column';
import {
  DEFAULT_LAYERS,
  LAYER_IDS,
  type LayerId,
  type RadiusKm,
  type RankBasis,
  type RankOrder,
  type Selection,
  type UrlState,
  type Weight,
} from './url-schema';

/** What is under the pointer (incident, base or country), with the screen position for the tooltip. */
export interface Hover {
  x: number;
  y: number;
  target: Selection;
}

/** Several things under one click: the user picks one. */
export interface Chooser {
  x: number;
  y: number;
  /** Size of the map area, to keep the menu inside it. */
  width: number;
  height: number;
  items: Selection[];
  /** Incidents at the same point left out of the list. */
  more: number;
}

/** The whole app state and its actions. */
export interface AppState {
  status: 'loading' | 'ready';
  /** Progress of the incidents file while it loads. */
  progress: LoadProgress | null;
  data: LoadedData | null;
  derived: Derived | null;
  reportOpen: boolean;
  window: DayWindow | null;
  /** How the window's start follows its end (time/window-modes.ts). */
  mode: WindowMode;
  /** Length of the moving window (mode `window`), days. */
  spanDays: number;
  /** Playback is running (the timeline's animation loop advances the end). */
  playing: boolean;
  /** Playback speed, days per second. */
  speed: Speed;
  /** Playback starts over at the span's end instead of stopping. */
  loop: boolean;
  /** What the timeline's bars count: incidents, or U.S. casualties (killed + injured). */
  weight: Weight;
  /** The user prefers reduced motion: no automatic playback, no fading (set by the UI). */
  reducedMotion: boolean;
  /** Show official cumulative counts as a reference line on the timeline. */
  showOfficial: boolean;
  selection: Selection | null;
  layers: Record<LayerId, boolean>;
  /** Radius of "attacks near the selected base". */
  radiusKm: RadiusKm;
  /** Which range rings are drawn around the selected base (the radius ring, reach rings). */
  rings: RingChoice;
  hover: Hover | null;
  chooser: Chooser | null;
  aboutOpen: boolean;
  /** The base ranking ("Compare") panel; opening it or About closes the other. */
  compareOpen: boolean;
  /** How the ranking orders the bases: most attacked, or most U.S. casualties. */
  rankOrder: RankOrder;
  /** What the ranking counts: incidents tagged with each base, or within `radiusKm` of it. */
  rankBasis: RankBasis;
  notices: string[];
  /** Bumped to ask the map to fit the data again (reset view). */
  resetViewRequest: number;
  /** Selection whose target the map should fly to (set by panels, not by map clicks). */
  flyTo: Selection | null;
  /** Filter criteria (state/filters.ts). */
  filters: Filters;
  /** The filters applied to the data (mask and filtered indexes); null when nothing is filtered. */
  filtered: FilterResult | null;
  /** The basemap's country outlines, once loaded (for incidents the data gives no country). */
  countryShapes: readonly CountryShape[] | null;
  /**
   * Every incident's country, as named or placed by its point (state/country-column.ts): what the
   * country filter, its counts and the country panel read. Null without data.
   */
  countryColumn: CountryColumn | null;
  /** The filters panel is open. */
  filtersOpen: boolean;
  /** The incident table is open. */
  tableOpen: boolean;
  tableSort: TableSort;
  /** The open story's id (presentation mode), or null. */
  story: string | null;
  /** The story's current step, 1-based. */
  storyStep: number;
  /** The latest camera move asked of the map (story steps), or null. */
  cameraRequest: CameraRequest | null;

  setLoading(): void;
  setProgress(p: LoadProgress | null): void;
  setData(data: LoadedData, url: UrlState): void;
  /**
   * Sets the window under the current mode's rule (clamped to the span).
   * @param moved the end the user moved (a moving window's start drags the whole window)
   */
  setWindow(w: DayWindow, moved?: WindowEnd): void;
  /** Changes the mode, keeping the end date. */
  setMode(mode: WindowMode): void;
  /** Changes the moving window's length, keeping the end date. */
  setSpanDays(days: number): void;
  /** Moves the window's end by whole days (negative: back), under the mode's rule. */
  stepWindow(days: number): void;
  /** Puts the window's end on a day, under the mode's rule. */
  jumpTo(day: number): void;
  /**
   * Starts playback (from the beginning when the end is at the span's end). With `auto` (an
   * autoplaying embed) it does nothing when the user prefers reduced motion.
   */
  play(options?: { auto?: boolean }): void;
  pause(): void;
  togglePlay(): void;
  /** One playback tick of whole days; stops at the span's end unless looping. */
  advancePlayback(days: number): void;
  setSpeed(speed: Speed): void;
  setLoop(loop: boolean): void;
  setWeight(weight: Weight): void;
  setReducedMotion(reduced: boolean): void;
  setShowOfficial(show: boolean): void;
  select(sel: Selection | null, options?: { fly?: boolean }): void;
  toggleLayer(id: LayerId): void;
  setRadius(km: RadiusKm): void;
  /** Sets which range rings are drawn. */
  setRings(rings: RingChoice): void;
  /** Switches one ring: the radius ring or a reach ring. */
  toggleRing(ring: 'radius' | ReachKm, on: boolean): void;
  setRankOrder(order: RankOrder): void;
  setRankBasis(basis: RankBasis): void;
  setHover(h: Hover | null): void;
  setChooser(c: Chooser | null): void;
  setAboutOpen(open: boolean): void;
  setCompareOpen(open: boolean): void;
  setReportOpen(open: boolean): void;
  dismissNotice(index: number): void;
  requestResetView(): void;
  /** Changes some criteria (the mask and filtered indexes are rebuilt once). */
  setFilters(patch: Partial<Filters>): void;
  /** Gives the country outlines (once): incidents with no country are placed by their point. */
  setCountryShapes(shapes: readonly CountryShape[]): void;
  clearFilters(): void;
  setFiltersOpen(open: boolean): void;
  setTableOpen(open: boolean): void;
  setTableSort(sort: TableSort): void;
  /** Opens a story on a step (1-based; default 1). */
  openStory(id: string, step?: number): void;
  setStoryStep(step: number): void;
  /** Leaves the story: its keys leave the URL. */
  leaveStory(): void;
  /**
   * Applies a story step: window with its mode, filters (others cleared), selection, camera.
   * `keepCamera` leaves the camera alone (a link's `#map` wins on load).
   */
  applyStoryView(view: StoryView, options?: { keepCamera?: boolean }): void;
  /** Asks the map to move its camera (applied once by the map adapter). */
  requestCamera(target: CameraTarget): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** Whether a selection points at something that exists in the data. */
function selectionExists(data: LoadedData, derived: Derived, sel: Selection): boolean {
  if (sel.kind === 'base') return derived.baseById.has(sel.id);
  if (sel.kind === 'incident') return rowOfId(data.incidents, sel.id) !== undefined;
  return data.forces.countries.some((c) => c.iso3 === sel.id);
}

/** Creates the store from the state read off the URL. */
export function createAppStore(url: UrlState, notices: string[] = []) {
  const layers = Object.fromEntries(
    LAYER_IDS.map((id) => [id, (url.layers ?? DEFAULT_LAYERS).includes(id)]),
  ) as Record<LayerId, boolean>;

  // A moving window given as from/to without a length takes its length from them.
  const spanDays =
    url.span ??
    (url.mode === 'window' && url.from !== undefined && url.to !== undefined
      ? url.to - url.from + 1
      : DEFAULT_SPAN_DAYS);

  return createStore<AppState>()((set, get) => ({
    status: 'loading',
    progress: null,
    data: null,
    derived: null,
    reportOpen: true,
    window: null,
    mode: url.mode ?? 'range',
    spanDays,
    playing: false,
    speed: url.speed ?? DEFAULT_SPEED,
    loop: false,
    weight: url.weight ?? 'count',
    reducedMotion: false,
    showOfficial: true,
    selection: url.select ?? null,
    layers,
    ...panelsFromUrl(url),
    hover: null,
    chooser: null,
    aboutOpen: false,
    compareOpen: url.compare ?? false,
    notices,
    resetViewRequest: 0,
    flyTo: url.select ?? null,
    filters: filtersFromUrl(url),
    filtered: null,
    countryShapes: null,
    countryColumn: null,
    filtersOpen: false,
    tableOpen: url.table ?? false,
    tableSort: url.sort ?? DEFAULT_SORT,
    ...storyFromUrl(url),

    setLoading: () => set({ status: 'loading', progress: null }),
    setProgress: (progress) => set({ progress }),

    setData(data, urlState) {
      const derived = deriveIndexes(data);
      const span = data.incidents.span;
      const extra: string[] = [];
      let window: DayWindow | null = null;
      if (span) {
        const wanted = { start: urlState.from ?? span.start, end: urlState.to ?? span.end };
        window = constrainWindow(wanted, { mode: get().mode, spanDays: get().spanDays }, span);
        const outside = (d: number | undefined) =>
          d !== undefined && (d < span.start || d > span.end);
        if (outside(urlState.from) || outside(urlState.to)) {
          extra.push('The requested dates were outside the data and were moved inside it.');
        }
      }
      let selection = get().selection;
      if (selection && !selectionExists(data, derived, selection)) {
        extra.push(`Nothing to select for ${selection.kind} "${selection.id}" in this data.`);
        selection = null;
      }
      const countryColumn = countryColumnFor(data, get().countryShapes);
      const known = keepKnownValues(data.incidents, get().filters, countryColumn);
      extra.push(...known.notices);
      set({
        status: 'ready',
        progress: null,
        data,
        derived,
        filters: known.filters,
        countryColumn,
        filtered: applyFilters(data.incidents, known.filters, countryColumn),
        window,
        playing: false,
        selection,
        flyTo: selection,
        reportOpen: data.issues.some((i) => i.severity === 'error'),
        notices: [...get().notices, ...extra],
      });
    },

    ...timeActions(set, get),
    ...filterActions(set, get),
    ...storyActions(set, get),
    ...panelActions(set, get),
    ...countryActions(set, get),

    select: (selection, options) =>
      set({ selection, chooser: null, flyTo: options?.fly && selection ? selection : null }),
    toggleLayer: (id) => set({ layers: { ...get().layers, [id]: !get().layers[id] } }),
    setHover: (hover) => set({ hover }),
    setChooser: (chooser) => set({ chooser, hover: null }),
    setAboutOpen: (aboutOpen) => set(aboutOpen ? { aboutOpen, compareOpen: false } : { aboutOpen }),
    setCompareOpen: (compareOpen) =>
      set(compareOpen ? { compareOpen, aboutOpen: false } : { compareOpen }),
    setReportOpen: (reportOpen) => set({ reportOpen }),
    dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    requestResetView: () => set({ resetViewRequest: get().resetViewRequest + 1, flyTo: null }),
  }));
}
