/**
 * The embed's footer: the dataset's sources (links only for http(s)) and "Open full map", a link
 * to the same view in the full app (the permalink without the embed keys), in a new tab.
 */
import type { MouseEvent } from 'react';
import { permalink } from '../../state/url-sync';
import type { AppState } from '../../state/store';
import { EMBED_KEYS } from '../../state/url-view';
import { SourceLink } from '../sources-list';
import { useAppStore } from '../store-context';

/** Sources named in the line; the rest are counted ("+4 more"). */
const SHOWN_SOURCES = 3;

/** The full app's address for the state now: the permalink minus embed, controls, autoplay, origin. */
export function fullMapUrl(s: AppState, href: string = location.href): string {
  const url = new URL(permalink(s, href));
  for (const key of EMBED_KEYS) url.searchParams.delete(key);
  return url.toString();
}

/** The source line with the "Open full map" link. */
export function SourceLine() {
  const sources = useAppStore((s) => s.data?.dataset?.sources ?? null);
  const title = useAppStore((s) => s.data?.dataset?.title ?? null);
  // A string selector: re-renders only when the address changes.
  const href = useAppStore((s) => (s.status === 'ready' ? fullMapUrl(s) : location.href));
  const refresh = (e: MouseEvent<HTMLAnchorElement>) => {
    // The camera (#map=…) moves without store changes: take the address as it is now.
    const url = new URL(e.currentTarget.href);
    url.hash = location.hash;
    e.currentTarget.href = url.toString();
  };
  const shown = (sources ?? []).slice(0, SHOWN_SOURCES);
  const more = (sources?.length ?? 0) - shown.length;
  return (
    <footer className="embed-footer">
      <p className="source-line" data-testid="source-line">
        {title && <span className="source-title">{title}. </span>}
        {shown.length > 0 && <span>Sources: </span>}
        {shown.map((src, i) => (
          <span key={`${i}:${src.label}`}>
            {i > 0 && '; '}
            {src.url ? <SourceLink url={src.url} label={src.label} /> : src.label}
          </span>
        ))}
        {more > 0 && <span> (+{more} more in the full map)</span>}
      </p>
      <a
        className="open-full-map"
        href={href}
        target="_blank"
        rel="noopener"
        onClick={refresh}
        data-testid="open-full-map"
      >
        Open full map
      </a>
    </footer>
  );
}
