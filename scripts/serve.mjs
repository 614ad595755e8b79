#!/usr/bin/env node
// @ts-check
// A small static file server for the built app (any static server works; this one needs no
// install). It sends the security headers README documents (scripts/security-headers.mjs), so the
// end-to-end tests run the app, its workers and its embeds under the policy of a real host. Usage:
//   node scripts/serve.mjs [dir=dist] [--port 4173] [--host 127.0.0.1] [--frame-ancestors "'self' https://a.example"]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerCsp, OTHER_HEADERS } from './security-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Pages that stand for another site's page (the embedding example frames the map from wherever
 * the map is): they keep their own meta-tag policy instead of the app's, which would refuse that.
 */
const HOST_PAGES = new Set(['/embed-example.html']);

/**
 * Who may frame the map by default: this server, under both of its loopback names (the embed
 * tests host the map on 127.0.0.1 in a page on localhost, a different origin).
 * @param {number} port
 */
function loopbackAncestors(port) {
  return ["'self'", `http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Starts serving `dir`. Resolves with the server and its URL once it listens. Every file gets
 * README's security headers; `frameAncestors` lists who may frame the map (default: this server).
 * @param {string} dir
 * @param {{ port?: number, host?: string, frameAncestors?: string[] }} [options]
 */
export function serve(dir, { port = 4173, host = '127.0.0.1', frameAncestors } = {}) {
  const root = resolve(dir);
  /** @type {string | null} */
  let csp = null;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    // Known once listening (port 0 picks a free one).
    csp ??= headerCsp(frameAncestors ?? loopbackAncestors(actualPort(server, port)));
    res.writeHead(200, {
      'Content-Type':
        TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      // The size lets the app show progress and read big files in two parts (split-stream.ts).
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
      ...OTHER_HEADERS,
      // On every file, not just index.html: a worker runs under its own response's policy.
      ...(HOST_PAGES.has(path) ? {} : { 'Content-Security-Policy': csp }),
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      ok({ server, url: `http://${host}:${actualPort(server, port)}/` });
    });
  });
}

/**
 * The port the server listens on.
 * @param {import('node:http').Server} server
 * @param {number} fallback
 */
function actualPort(server, fallback) {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (/** @type {string} */ name, /** @type {string} */ dflt) => {
    const i = args.indexOf(`--${name}`);
    return i < 0 ? dflt : (args[i + 1] ?? dflt);
  };
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`No ${dir}/index.html: run "npm run build" first.`);
    process.exit(1);
  }
  const host = opt('host', '127.0.0.1');
  const ancestors = opt('frame-ancestors', '');
  const frameAncestors = ancestors ? ancestors.split(/\s+/).filter(Boolean) : undefined;
  const explicit = args.includes('--port');
  let port = Number(opt('port', '4173'));
  /** @type {{ url: string } | null} */
  let started = null;
  // Without --port, a busy default port moves on to the next free one instead of failing.
  for (let attempt = 0; !started; attempt++) {
    try {
      started = /** @type {{ url: string }} */ (await serve(dir, { port, host, frameAncestors }));
    } catch (e) {
      const busy = /** @type {NodeJS.ErrnoException} */ (e).code === 'EADDRINUSE';
      if (!busy || explicit || attempt >= 20) throw e;
      port += 1;
    }
  }
  const { url } = started;
  console.log(`Incident map running at ${url}  (Ctrl+C to stop)`);
}
