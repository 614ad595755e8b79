/**
 * Source links: only http(s) URLs become links, opening in a new tab without referrer. Sources
 * named without a link (outlet names) are listed as plain text.
 */
import { isHttpUrl } from '../data/safe-url';

/** Host name of a URL for a short link text. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A safe external link, or plain text when the URL is not http(s). */
export function SourceLink({ url, label }: { url: string; label?: string }) {
  if (!isHttpUrl(url)) return <span>{label ?? url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {label ?? hostOf(url)}
    </a>
  );
}

/**
 * A list of source links, then the sources named without a link (`names`: `; `-separated text,
 * as an incident's `source_names`).
 */
export function SourcesList({ urls, names }: { urls: string[]; names?: string | null }) {
  const named = names ? names.split(/\s*;\s*/).filter(Boolean) : [];
  if (urls.length === 0 && named.length === 0) return <p className="muted">No source given.</p>;
  return (
    <ul className="sources">
      {urls.map((u) => (
        <li key={u}>
          <SourceLink url={u} />
        </li>
      ))}
      {named.map((n, i) => (
        <li key={`name-${i}`}>
          {n} <span className="muted">(no link)</span>
        </li>
      ))}
    </ul>
  );
}
