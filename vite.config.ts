import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CSP } from './scripts/security-headers.mjs';

/**
 * The Content-Security-Policy meta tag (scripts/security-headers.mjs, shared with the server's
 * headers), added to production builds only: Vite's dev server injects inline scripts.
 */
function cspPlugin(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The default data lives in data/ (not public/) so it can be rebuilt and replaced on its own: served
 * at /data/ in dev and copied to dist/data at build, fetched at run time, never bundled.
 */
function dataFilesPlugin(): Plugin {
  const dataDir = resolve(import.meta.dirname, 'data');
  let outDir = resolve(import.meta.dirname, 'dist');
  return {
    name: 'data-files',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const file = join(dataDir, decodeURIComponent((req.url ?? '/').split('?')[0]!));
        if (!file.startsWith(dataDir) || !existsSync(file) || !statSync(file).isFile())
          return next();
        res.setHeader('Content-Type', file.endsWith('.md') ? 'text/markdown' : 'application/json');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(dataDir, join(outDir, 'data'), { recursive: true });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), dataFilesPlugin()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
});
