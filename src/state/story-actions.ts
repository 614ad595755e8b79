/**
 * The store's story slice: which story is open and on which step (both in the URL), and the
 * "camera request" through which a story step moves the map (the map adapter applies it once,
 * animated unless the user prefers reduced motion).
 */
import { constrainWindow, type WindowMode } from '../time/window-modes';
import type { DayWindow } from '../time/window';
import { NO_FILTERS, type Filters } from './filters';
import { applyFilters } from './filters-totals';
import type { AppState } from './store';
import type { Selection, UrlState } from './url-schema';

/** Where a story step puts the camera: a centre and zoom, or a box to fit ([w, s, e, n]). */
export type CameraTarget =
  { center: [number, number]; zoom: number } | { bounds: [number, number, number, number] };

/** A camera move for the map adapter; `seq` grows so the same target can be asked twice. */
export interface CameraRequest {
  target: CameraTarget;
  seq: number;
}

/** Everything a story step sets at once (src/state/story-view.ts builds it from a step). */
export interface StoryView {
  window: DayWindow;
  mode: WindowMode;
  filters: Filters;
  selection: Selection | null;
  camera: CameraTarget | null;
}

type SetState = (partial: Partial<AppState>) => void;
type GetState = () => AppState;
export type StoryAction =
  'openStory' | 'setStoryStep' | 'leaveStory' | 'applyStoryView' | 'requestCamera';

/** The story fields of a new store, from the URL (`step` defaults to 1). */
export function storyFromUrl(
  url: UrlState,
): Pick<AppState, 'story' | 'storyStep' | 'cameraRequest'> {
  return { story: url.story ?? null, storyStep: url.step ?? 1, cameraRequest: null };
}

/** Story actions (spread into the store like the time and filter actions). */
export function storyActions(set: SetState, get: GetState): Pick<AppState, StoryAction> {
  return {
    openStory: (story, step = 1) => set({ story, storyStep: step }),
    setStoryStep: (storyStep) => set({ storyStep }),
    leaveStory: () => set({ story: null, storyStep: 1 }),
    requestCamera: (target) =>
      set({ cameraRequest: { target, seq: (get().cameraRequest?.seq ?? 0) + 1 } }),

    applyStoryView(view, options) {
      const keepCamera = options?.keepCamera ?? false;
      const span = get().data?.incidents.span;
      // A moving window keeps the step's length; other modes keep the current length.
      const spanDays =
        view.mode === 'window' ? view.window.end - view.window.start + 1 : get().spanDays;
      const window = span
        ? constrainWindow(view.window, { mode: view.mode, spanDays }, span)
        : get().window;
      const table = get().data?.incidents;
      const filters: Filters = { ...NO_FILTERS, ...view.filters };
      set({
        mode: view.mode,
        spanDays,
        window,
        playing: false,
        filters,
        filtered: table ? applyFilters(table, filters, get().countryColumn ?? undefined) : null,
        selection: view.selection,
        chooser: null,
        // With no camera of its own, a step with a selection flies to it.
        flyTo: view.camera || keepCamera ? null : view.selection,
      });
      if (view.camera && !keepCamera) get().requestCamera(view.camera);
    },
  };
}
