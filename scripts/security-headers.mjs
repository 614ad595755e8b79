// @ts-check
// The app's security policy, in one place: the build's CSP meta tag (vite.config.ts), the HTTP
// headers of the static server (serve.mjs, which the end-to-end tests and the benchmark use), and
// README's Deploying and Hosting sections (tests/unit/security-headers.test.ts checks they match).

/** The Content-Security-Policy a meta tag can carry (DESIGN.md, Security). */
export const META_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // MapLibre and deck.gl start workers from blob: URLs as well as from files.
  "worker-src 'self' blob:",
  // MapLibre sets inline element styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // `?incidents=https://…` loads data from other sites (under CORS).
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * The policy as an HTTP header: the meta tag's plus what only a header can carry. Workers get the
 * policy of their own HTTP response (not the page's meta tag), so it goes on every file.
 * @param {readonly string[]} frameAncestors sources allowed to frame the map (`'self'`, origins)
 */
export function headerCsp(frameAncestors) {
  const ancestors = frameAncestors.length ? frameAncestors.join(' ') : "'none'";
  return `${META_CSP}; form-action 'none'; frame-ancestors ${ancestors}`;
}

/** Headers besides the CSP that README recommends for every file (HSTS only on https hosts). */
export const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
