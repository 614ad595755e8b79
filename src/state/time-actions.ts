/**
 * The store's time actions (spread into the store): every window change goes through the window
 * mode's rule (time/window-modes.ts), and playback moves the window's end.
 */
import { sameWindow, type DayWindow } from '../time/window';
import { constrainWindow, type ModeSettings } from '../time/window-modes';
import { jumpEnd, moveEnd, playbackStep, playFrom } from '../time/playback';
import type { AppState } from './store';

type SetState = (partial: Partial<AppState>) => void;
type GetState = () => AppState;

/** The actions of the time slice. */
export type TimeAction =
  | 'setWindow'
  | 'setMode'
  | 'setSpanDays'
  | 'stepWindow'
  | 'jumpTo'
  | 'play'
  | 'pause'
  | 'togglePlay'
  | 'advancePlayback'
  | 'setSpeed'
  | 'setLoop'
  | 'setWeight'
  | 'setReducedMotion'
  | 'setShowOfficial';

/** The time slice's actions: every window change goes through the mode's rule (time/window-modes.ts). */
export function timeActions(set: SetState, get: GetState): Pick<AppState, TimeAction> {
  const settings = (): ModeSettings => ({ mode: get().mode, spanDays: get().spanDays });
  /** Applies a new window when it differs from the current one (with any other changes). */
  const put = (next: DayWindow, extra: Partial<AppState> = {}) => {
    const cur = get().window;
    if (cur && sameWindow(cur, next)) {
      if (Object.keys(extra).length) set(extra);
    } else set({ window: next, ...extra });
  };
  const span = () => get().data?.incidents.span ?? null;

  return {
    setWindow(w, moved) {
      const s = span();
      if (s) put(constrainWindow(w, settings(), s, moved));
    },

    setMode(mode) {
      set({ mode });
      const s = span();
      const w = get().window;
      if (s && w) put(constrainWindow(w, settings(), s));
    },

    setSpanDays(days) {
      set({ spanDays: days });
      const s = span();
      const w = get().window;
      if (s && w && get().mode === 'window') put(constrainWindow(w, settings(), s));
    },

    stepWindow(days) {
      const s = span();
      const w = get().window;
      if (s && w) put(moveEnd(w, days, settings(), s));
    },

    jumpTo(day) {
      const s = span();
      const w = get().window;
      if (s && w) put(jumpEnd(w, day, settings(), s));
    },

    play(options) {
      if (options?.auto && get().reducedMotion) return;
      const s = span();
      const w = get().window;
      if (!s || !w || get().playing) return;
      put(playFrom(w, settings(), s), { playing: true });
    },
    pause: () => {
      if (get().playing) set({ playing: false });
    },
    togglePlay: () => (get().playing ? get().pause() : get().play()),

    advancePlayback(days) {
      const s = span();
      const w = get().window;
      if (!s || !w || !get().playing) return;
      const step = playbackStep(w, days, settings(), s, get().loop);
      put(step.window, step.playing ? {} : { playing: false });
    },

    setSpeed: (speed) => set({ speed }),
    setLoop: (loop) => set({ loop }),
    setWeight: (weight) => set({ weight }),
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
    setShowOfficial: (showOfficial) => set({ showOfficial }),
  };
}
