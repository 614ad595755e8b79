import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../src/data/safe-url';

/** The definition: what the URL parser says. */
function slow(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

describe('isHttpUrl', () => {
  const samples = [
    'https://example.org/a?b=c#d',
    'http://a.b.c:8080/x',
    'HTTPS://EXAMPLE.ORG',
    'https://example.org:99999/',
    'https://',
    'https:///path',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://example.org/file',
    '//example.org/x',
    'example.org',
    'https://exa mple.org',
    'https://例え.jp/パス',
    'https://a..b/',
    ' https://example.org',
    'https://example.org/<script>',
    'https://user:pass@example.org/',
    '',
  ];
  it('agrees with the URL parser', () => {
    for (const s of samples) expect(isHttpUrl(s), s).toBe(slow(s));
  });
  it('rejects null and undefined', () => {
    expect(isHttpUrl(null)).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});
