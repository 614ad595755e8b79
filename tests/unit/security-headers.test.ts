import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headerCsp, META_CSP, OTHER_HEADERS } from '../../scripts/security-headers.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const EXAMPLE_ANCESTORS = ["'self'", 'https://your-briefing-site.example'];

describe('the security policy', () => {
  it('adds form-action and frame-ancestors to the meta policy in the header', () => {
    expect(headerCsp(["'self'", 'https://a.example'])).toBe(
      `${META_CSP}; form-action 'none'; frame-ancestors 'self' https://a.example`,
    );
    expect(headerCsp([])).toMatch(/frame-ancestors 'none'$/);
    expect(META_CSP).not.toMatch(/frame-ancestors|unsafe-eval/);
  });

  it('is the one README documents, as meta tag, header and nginx line', () => {
    const meta = /carries this Content-Security-Policy as a meta tag:\n\n```\n([^`]+)```/.exec(
      readme,
    );
    expect(meta?.[1]?.replace(/\s+/g, ' ').trim()).toBe(META_CSP);
    const headers = [...readme.matchAll(/^Content-Security-Policy: (.+)$/gm)].map((m) => m[1]);
    expect(headers).toEqual([headerCsp(EXAMPLE_ANCESTORS), headerCsp(EXAMPLE_ANCESTORS)]);
    const nginx = /add_header Content-Security-Policy "([^"]+)"/.exec(readme);
    expect(nginx?.[1]).toBe(headerCsp(EXAMPLE_ANCESTORS));
    for (const [name, value] of Object.entries(OTHER_HEADERS))
      expect(readme).toContain(`${name}: ${value}`);
  });
});

describe('serve.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'worker.js'), 'self.onmessage = () => {};');
  writeFileSync(join(dir, 'embed-example.html'), '<!doctype html><title>host</title>');
  const servers: Server[] = [];
  afterAll(() =>
    Promise.all(
      servers.map((s) => {
        s.closeAllConnections();
        return once(s.close(), 'close');
      }),
    ),
  );

  async function start(options: { frameAncestors?: string[] } = {}) {
    const { server, url } = await serve(dir, { port: 0, ...options });
    servers.push(server);
    return { url, port: new URL(url).port };
  }

  it("sends README's headers on every file, workers' scripts included", async () => {
    const { url, port } = await start();
    const csp = headerCsp(["'self'", `http://127.0.0.1:${port}`, `http://localhost:${port}`]);
    for (const file of ['', 'worker.js']) {
      const res = await fetch(url + file);
      expect(res.headers.get('content-security-policy')).toBe(csp);
      for (const [name, value] of Object.entries(OTHER_HEADERS))
        expect(res.headers.get(name)).toBe(value);
    }
  });

  it('frames only for the listed sites when given, and leaves the example host page its own policy', async () => {
    const { url } = await start({ frameAncestors: ["'self'", 'https://news.example.org'] });
    const res = await fetch(url);
    expect(res.headers.get('content-security-policy')).toBe(
      headerCsp(["'self'", 'https://news.example.org']),
    );
    const host = await fetch(`${url}embed-example.html`);
    expect(host.headers.get('content-security-policy')).toBeNull();
    expect(host.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
