/**
 * The Embed dialog's output: the embed URL for the current view and the HTML code that frames
 * it. Pure: no DOM, no store. The code has no script (the map's CSP and most CMSs forbid inline
 * scripts) and escapes every attribute value.
 */
import {
  EMBED_KEYS,
  serializeViewOptions,
  type Controls,
  type ThemePreference,
} from '../state/url-view';

/** Size presets: responsive frames keep a ratio at any width; fixed ones have a size in px. */
export type EmbedSize =
  { kind: 'responsive'; ratio: '16:9' | '4:3' } | { kind: 'fixed'; width: number; height: number };

/** The choices of the dialog that go into the URL. */
export interface EmbedChoices {
  controls: Controls;
  theme: ThemePreference;
  autoplay: boolean;
  /** The host page's origin for the postMessage API, or null. */
  origin: string | null;
  /**
   * The story the frame presents (`story=`), or null for none; left out, the permalink's own
   * story (if any) stays. A story the permalink is on keeps its step; another starts at step 1.
   */
  story?: string | null;
}

/** Limits of a fixed size, px. */
export const MIN_SIZE = 200;
export const MAX_SIZE = 4000;

/** A pixel size within the limits (whole pixels). */
export function clampSize(n: number): number {
  return Number.isFinite(n) ? Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(n))) : MIN_SIZE;
}

/** The embed address: the permalink of the view with `embed=1` and the choices (old embed keys replaced). */
export function embedUrl(permalink: string, choices: EmbedChoices): string {
  const url = new URL(permalink);
  for (const key of [...EMBED_KEYS, 'theme']) url.searchParams.delete(key);
  if (choices.story !== undefined && choices.story !== url.searchParams.get('story')) {
    url.searchParams.delete('step');
    if (choices.story) url.searchParams.set('story', choices.story);
    else url.searchParams.delete('story');
  }
  serializeViewOptions(
    {
      embed: true,
      controls: choices.controls,
      theme: choices.theme,
      autoplay: choices.autoplay,
      origins: choices.origin ? [choices.origin] : [],
    },
    url.searchParams,
  );
  // Readable separators, as the app writes its own URLs.
  url.search = url.searchParams
    .toString()
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/');
  return url.toString();
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Padding-top of a responsive wrapper: height as a share of the width. */
export function ratioPadding(ratio: '16:9' | '4:3'): string {
  return ratio === '16:9' ? '56.25%' : '75%';
}

/**
 * The HTML to paste into a page. Responsive: a wrapper holding the ratio with the padding trick
 * (works in every browser and CMS) and a 100%-wide iframe; fixed: an iframe of that size.
 */
export function iframeCode(url: string, size: EmbedSize, title: string): string {
  const attrs = `src="${escapeAttr(url)}" title="${escapeAttr(title)}" loading="lazy" allow="fullscreen" referrerpolicy="strict-origin-when-cross-origin"`;
  if (size.kind === 'fixed') {
    const w = clampSize(size.width);
    const h = clampSize(size.height);
    return `<iframe ${attrs} width="${w}" height="${h}" style="border:0;max-width:100%"></iframe>`;
  }
  return (
    `<div style="position:relative;width:100%;height:0;padding-top:${ratioPadding(size.ratio)}">\n` +
    `  <iframe ${attrs} style="position:absolute;top:0;left:0;width:100%;height:100%;border:0"></iframe>\n` +
    `</div>`
  );
}
