/**
 * The app's one store (zustand, vanilla so the map adapter can subscribe outside React).
 * Slices: data (loaded files and indexes), time (the window), selection, view (layers, panels,
 * hover). React reads it through selectors; the map adapter subscribes to the slices it draws.
 */
import { createStore } from 'zustand/vanilla';
import type { LoadedData } from '../data/load-all';
import type { LoadProgress } from '../data/load-progress';
import { rowOfId } from '../data/incident-table';
import { clampWindow, sameWindow, type DayWindow } from '../time/window';
import { deriveIndexes, type Derived } from './derived';
import {
  DEFAULT_LAYERS,
  DEFAULT_RADIUS_KM,
  LAYER_IDS,
  type LayerId,
  type RadiusKm,
  type Selection,
  type UrlState,
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
  selection: Selection | null;
  layers: Record<LayerId, boolean>;
  /** Radius of "attacks near the selected base". */
  radiusKm: RadiusKm;
  /** Whether range rings are drawn around the selected base. */
  rings: boolean;
  hover: Hover | null;
  chooser: Chooser | null;
  aboutOpen: boolean;
  /** The base ranking ("Compare") panel; opening it or About closes the other. */
  compareOpen: boolean;
  notices: string[];
  /** Bumped to ask the map to fit the data again (reset view). */
  resetViewRequest: number;
  /** Selection whose target the map should fly to (set by panels, not by map clicks). */
  flyTo: Selection | null;

  setLoading(): void;
  setProgress(p: LoadProgress | null): void;
  setData(data: LoadedData, url: UrlState): void;
  setWindow(w: DayWindow): void;
  select(sel: Selection | null, options?: { fly?: boolean }): void;
  toggleLayer(id: LayerId): void;
  setRadius(km: RadiusKm): void;
  setRings(on: boolean): void;
  setHover(h: Hover | null): void;
  setChooser(c: Chooser | null): void;
  setAboutOpen(open: boolean): void;
  setCompareOpen(open: boolean): void;
  setReportOpen(open: boolean): void;
  dismissNotice(index: number): void;
  requestResetView(): void;
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

  return createStore<AppState>()((set, get) => ({
    status: 'loading',
    progress: null,
    data: null,
    derived: null,
    reportOpen: true,
    window: null,
    selection: url.select ?? null,
    layers,
    radiusKm: url.radius ?? DEFAULT_RADIUS_KM,
    rings: url.rings ?? false,
    hover: null,
    chooser: null,
    aboutOpen: false,
    compareOpen: false,
    notices,
    resetViewRequest: 0,
    flyTo: url.select ?? null,

    setLoading: () => set({ status: 'loading', progress: null }),
    setProgress: (progress) => set({ progress }),

    setData(data, urlState) {
      const derived = deriveIndexes(data);
      const span = data.incidents.span;
      const extra: string[] = [];
      let window: DayWindow | null = null;
      if (span) {
        const wanted = { start: urlState.from ?? span.start, end: urlState.to ?? span.end };
        window = clampWindow(wanted, span);
        if (
          !sameWindow(window, wanted) &&
          (urlState.from !== undefined || urlState.to !== undefined)
        ) {
          extra.push('The requested dates were outside the data and were moved inside it.');
        }
      }
      let selection = get().selection;
      if (selection && !selectionExists(data, derived, selection)) {
        extra.push(`Nothing to select for ${selection.kind} "${selection.id}" in this data.`);
        selection = null;
      }
      set({
        status: 'ready',
        progress: null,
        data,
        derived,
        window,
        selection,
        flyTo: selection,
        reportOpen: data.issues.some((i) => i.severity === 'error'),
        notices: [...get().notices, ...extra],
      });
    },

    setWindow(w) {
      const span = get().data?.incidents.span;
      if (!span) return;
      const next = clampWindow(w, span);
      const cur = get().window;
      if (cur && sameWindow(cur, next)) return;
      set({ window: next });
    },

    select: (selection, options) =>
      set({ selection, chooser: null, flyTo: options?.fly && selection ? selection : null }),
    toggleLayer: (id) => set({ layers: { ...get().layers, [id]: !get().layers[id] } }),
    setRadius: (radiusKm) => set({ radiusKm }),
    setRings: (rings) => set({ rings }),
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
