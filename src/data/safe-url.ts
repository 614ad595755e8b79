const PLAIN_HTTP_URL =
  /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,4})?(?:[/?#][\x21-\x7e]*)?$/i;

/** Only http(s) URLs may become links: `javascript:`, `data:` and the like never do. */
export function isHttpUrl(text: string | null | undefined): boolean {
  if (!text) return false;
  // Plain http(s) URLs (the usual case, checked once per source of a million rows) skip the URL parser.
  if (PLAIN_HTTP_URL.test(text)) return true;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
