/**
 * URL keys of the presentation (not of the data view): `theme`, `embed`, `controls`, `autoplay`
 * and `origin`. Same conventions as url-schema.ts: an invalid value is dropped with a notice and
 * the default applies; keys this module does not own are left alone when serializing.
 */

/**
 * The value of `key` when it is one of `values`; any other value is dropped with a notice
 * (`drop`) and gives undefined, as does a missing key.
 */
export function oneOfParam<T extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly T[],
  drop: (key: string, value: string, reason: string) => void,
): T | undefined {
  const v = params.get(key);
  if (v === null) return undefined;
  if ((values as readonly string[]).includes(v)) return v as T;
  drop(key, v, `expected one of ${values.join(', ')}`);
  return undefined;
}

/** Colour theme preference; `auto` follows the system's `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemePreference = (typeof THEMES)[number];

/** What an embed shows under the map: nothing, the compact timeline, or the whole app. */
export const CONTROLS = ['none', 'time', 'full'] as const;
export type Controls = (typeof CONTROLS)[number];

/** At most this many host origins in `origin=`, each at most this long. */
export const MAX_ORIGINS = 5;
export const MAX_ORIGIN_LENGTH = 200;

/** The presentation options read off the URL. */
export interface ViewOptions {
  theme: ThemePreference;
  embed: boolean;
  /** Meaningful in embed mode only (the full app always has every control). */
  controls: Controls;
  autoplay: boolean;
  /** Origins of the pages allowed to drive an embed through postMessage (normalized). */
  origins: string[];
}

/** The options when the URL says nothing. */
export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  theme: 'light',
  embed: false,
  controls: 'time',
  autoplay: false,
  origins: [],
};

/**
 * The normalized origin (`https://host[:port]`) when `value` is exactly an http(s) origin: no
 * path, query, fragment or credentials. Otherwise null.
 */
export function parseOrigin(value: string): string | null {
  if (value.length > MAX_ORIGIN_LENGTH || !/^https?:\/\/[^/?#@\s]+\/?$/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Reads the presentation keys; `drop` receives a reason per value it ignores. */
export function parseViewOptions(
  params: URLSearchParams,
  drop: (key: string, value: string, reason: string) => void,
): ViewOptions {
  const options: ViewOptions = { ...DEFAULT_VIEW_OPTIONS, origins: [] };
  const oneOf = <T extends string>(key: string, values: readonly T[]) =>
    oneOfParam(params, key, values, drop);
  const flag = (key: string): boolean => {
    const v = params.get(key);
    if (v === null) return false;
    if (v === '1' || v === '0') return v === '1';
    drop(key, v, 'expected 1 or 0');
    return false;
  };
  options.theme = oneOf('theme', THEMES) ?? 'light';
  options.embed = flag('embed');
  options.controls = oneOf('controls', CONTROLS) ?? 'time';
  options.autoplay = flag('autoplay');

  const raw = params.get('origin');
  if (raw !== null) {
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const item of items) {
      const origin = parseOrigin(item);
      if (!origin) drop('origin', item, 'expected an http(s) origin such as https://example.org');
      else if (options.origins.length >= MAX_ORIGINS)
        drop('origin', item, `more than ${MAX_ORIGINS} origins`);
      else if (!options.origins.includes(origin)) options.origins.push(origin);
    }
  }
  return options;
}

/**
 * Writes the options into `params` (in place), leaving defaults out and other keys alone.
 * `controls` is written only with `embed`.
 */
export function serializeViewOptions(options: Partial<ViewOptions>, params: URLSearchParams): void {
  const put = (key: string, value: string | undefined) => {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  };
  if (options.theme) serializeTheme(options.theme, params);
  put('embed', options.embed ? '1' : undefined);
  put(
    'controls',
    options.embed && options.controls && options.controls !== 'time' ? options.controls : undefined,
  );
  put('autoplay', options.autoplay ? '1' : undefined);
  put('origin', options.origins?.length ? options.origins.join(',') : undefined);
}

/** Writes the theme preference into `params` (in place; `light`, the default, is left out). */
export function serializeTheme(theme: ThemePreference, params: URLSearchParams): void {
  if (theme === 'light') params.delete('theme');
  else params.set('theme', theme);
}

/** Keys of this module: the "Open full map" link drops the embed ones. */
export const EMBED_KEYS = ['embed', 'controls', 'autoplay', 'origin'] as const;
