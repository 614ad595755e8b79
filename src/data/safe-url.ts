/** Only http(s) URLs may become links: `javascript:`, `data:` and the like never do. */
export function isHttpUrl(text: string | null | undefined): boolean {
  if (!text) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
