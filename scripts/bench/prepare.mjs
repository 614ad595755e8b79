// @ts-check
// Builds the app and lays out what the benchmark serves: <out>/bench/ with the synthetic data
// (generated once per seed and N into .bench/data/ and hard-linked), the peer page and MapLibre's
// files for it.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, writeIncidentsFile } from './generate.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = join(ROOT, 'scripts/bench');
const MAPLIBRE = join(ROOT, 'node_modules/maplibre-gl/dist');

/**
 * Runs `npx vite build --outDir <outDir>`; resolves with the seconds it took, rejects with the
 * build's output when it fails.
 * @param {string} outDir
 */
export function buildApp(outDir) {
  const t0 = performance.now();
  const args = ['vite', 'build', '--outDir', relative(ROOT, outDir), '--emptyOutDir'];
  return new Promise((ok, fail) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok((performance.now() - t0) / 1000);
      else fail(new Error(`npx ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/**
 * The app's default data next to the build, if the build did not copy it (vite.config.ts copies
 * data/ into the build's outDir; earlier versions copied it to dist/data only).
 * @param {string} outDir
 */
export function copyDefaultData(outDir) {
  if (!existsSync(join(outDir, 'data/bases.geojson')))
    cpSync(join(ROOT, 'data'), join(outDir, 'data'), { recursive: true });
}

/**
 * The peer page, a blank page for the parse timing, and MapLibre's ESM build, into <out>/bench/.
 * @param {string} outDir
 */
export function writePeer(outDir) {
  const bench = join(outDir, 'bench');
  mkdirSync(join(bench, 'vendor'), { recursive: true });
  for (const f of ['peer.html', 'peer.mjs', 'parse.html'])
    copyFileSync(join(HERE, f), join(bench, f));
  const files = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'];
  // maplibre-gl-shared.mjs is empty in maplibre-gl 6: copy it only if the build imports it.
  const main = readFileSync(join(MAPLIBRE, 'maplibre-gl.mjs'), 'utf8');
  if (/from\s*["'`]\.\/maplibre-gl-shared\.mjs/.test(main)) files.push('maplibre-gl-shared.mjs');
  for (const f of files) copyFileSync(join(MAPLIBRE, f), join(bench, 'vendor', f));
}

/**
 * Makes <out>/bench/incidents-<n>.geojson, generating it into .bench/data/ unless cached.
 * @param {string} outDir
 * @param {number} n
 * @param {number} seed
 * @param {(line: string) => void} log
 * @returns {Promise<{ path: string, bytes: number }>}
 */
export async function prepareData(outDir, n, seed, log) {
  const cached = join(ROOT, `.bench/data/incidents-${n}-s${seed}-v${GENERATOR_VERSION}.geojson`);
  if (!existsSync(cached)) {
    const t0 = performance.now();
    log(`generating ${n.toLocaleString('en-US')} incidents (seed ${seed})…`);
    await writeIncidentsFile(cached, { n, seed });
    log(`  ${relative(ROOT, cached)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const target = join(outDir, 'bench', `incidents-${n}.geojson`);
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target);
  }
  return { path: target, bytes: statSync(target).size };
}
