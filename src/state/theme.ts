/**
 * The colour theme: the user's preference (light, dark or auto) and the theme it resolves to.
 * `auto` follows the system's `prefers-color-scheme`, live. The resolved theme is written on
 * <html data-theme> (styles.css keys its colour variables on it) and announced to subscribers
 * (the map switches its basemap colours, canvases redraw).
 */
import { createStore } from 'zustand/vanilla';
import type { ThemePreference } from './url-view';

/** A theme as drawn. */
export type ResolvedTheme = 'light' | 'dark';

export interface ThemeState {
  preference: ThemePreference;
  /** What the system asks for (`prefers-color-scheme`). */
  systemDark: boolean;
  resolved: ResolvedTheme;
  setPreference(preference: ThemePreference): void;
}

const QUERY = '(prefers-color-scheme: dark)';

/** The theme drawn for a preference. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  return preference === 'auto' ? (systemDark ? 'dark' : 'light') : preference;
}

/** Creates the theme store; `media` follows the system setting when given. */
export function createThemeStore(preference: ThemePreference, media?: MediaQueryList | null) {
  const store = createStore<ThemeState>()((set, get) => ({
    preference,
    systemDark: media?.matches ?? false,
    resolved: resolveTheme(preference, media?.matches ?? false),
    setPreference: (p) => set({ preference: p, resolved: resolveTheme(p, get().systemDark) }),
  }));
  media?.addEventListener?.('change', (e) =>
    store.setState({
      systemDark: e.matches,
      resolved: resolveTheme(store.getState().preference, e.matches),
    }),
  );
  return store;
}

export type ThemeStore = ReturnType<typeof createThemeStore>;

let shared: ThemeStore | null = null;

/**
 * The app's theme store (one per page), created on first use from `initial` and the system's
 * setting, and kept on <html data-theme>.
 */
export function themeStore(initial: ThemePreference = 'light'): ThemeStore {
  if (shared) return shared;
  const media = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
  shared = createThemeStore(initial, media);
  const apply = () => {
    if (typeof document !== 'undefined')
      document.documentElement.dataset.theme = shared!.getState().resolved;
  };
  apply();
  shared.subscribe(apply);
  return shared;
}

/**
 * Calls `cb` with the preference whenever the user changes it (for the URL sync to write
 * `theme=`: url-sync.ts does not know this key). Returns a function that stops it.
 */
export function onThemeChange(cb: (preference: ThemePreference) => void): () => void {
  return themeStore().subscribe((s, prev) => {
    if (s.preference !== prev.preference) cb(s.preference);
  });
}
