#!/usr/bin/env node
// @ts-check
// `npm run bench`: the incident map (deck.gl GPU filter) against MapLibre's own time-slider
// pattern (a GeoJSON source + setFilter, scripts/bench/peer.html) on synthetic incidents.
//
//   npm run bench -- [--quick] [--sizes 10000,100000] [--seed 1] [--json .bench/out.json]
//                    [--out-dir .bench/dist] [--load-only]
//
// --load-only: the app alone, loading only (ready_ms, parse_ms, first frame, heap; no peer, no
// scrub, no checks), for profiling the loader quickly.
//
// Steps: build the app once (into --out-dir, default .bench/dist, so it never empties the dist/
// that the end-to-end tests serve; `--out-dir dist` builds there instead), generate the data per
// N (cached in .bench/data/), lay out <out>/bench/ (data, peer page, MapLibre files), serve it with
// scripts/serve.mjs, and per N: time a bare JSON.parse of the file, then measure the app and the
// peer, each in a fresh Chromium (software WebGL) at 1280×800.
//
// Metrics (ms unless said otherwise):
// - scrub_ms: the `scrub` performance measure of each step. App: `scrub-start` in the slider's
//   input handler to `scrub-end` after the React commit. Peer: around setFilter + label.
// - settle_ms: keydown (capture listener) to the map's next `idle` (registered before the key)
//   AND that frame drawn: the idle handler reads one pixel, which waits for Chromium's GPU process
//   to finish the frame (WebGL runs there asynchronously, so `idle` alone only means the commands
//   were issued). settle_idle_ms (JSON only) stops at the idle event. If no frame was rendered
//   three animation frames after the key, a repaint is forced (noted).
// - repaint_ms: `triggerRepaint()` with nothing changed to the idle frame drawn, after load
//   (median of 5, or 3 at 1M): the raster cost of the full window. repaint_idle_ms (JSON only)
//   stops at the idle event. The same repaint is also done after every step (step_repaint_ms).
// - work_ms: median over steps of (settle − the repaint right after that step, same window): what
//   a step costs beyond drawing its frame. (The window shrinks while scrubbing, so subtracting the
//   full-window repaint would give negative work for the app.)
// - tile_reloads: `sourcedata` events during the steps for a loaded tile or new source content.
// - ready_ms: app: mark `incidents-ready` − `incidents-fetch` (else window.__incidentLoadTimes);
//   peer: `peer-ready` (first idle with the source loaded) − `peer-fetch`.
// - parse_ms: bare JSON.parse of the same text in a blank page. first_frame_ms: navigation start
//   to the first idle with data. heap_mb: main-thread JS heap after load, idle and a forced GC.
// Steps: focus the "End date" slider and press PageDown (−30 days) until the end nears the start,
// then PageUp back: 50 steps, 20 at 1M. The exit code is non-zero only when the benchmark cannot
// run (no Chromium, build or server failure); a run that fails to load is reported and skipped.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../serve.mjs';
import { CHROME, launch } from './browser.mjs';
import { measureImpl, measureParse } from './measure.mjs';
import { buildApp, copyDefaultData, prepareData, ROOT, writePeer } from './prepare.mjs';
import { notes, sizeLabel, table, targets, writeJson } from './report.mjs';

const t0 = Date.now();
const stamp = () => {
  const s = Math.round((Date.now() - t0) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const log = (/** @type {string} */ line) => console.log(`[bench ${stamp()}] ${line}`);

/** Parses the command line; exits with a message on a bad flag. */
function options(/** @type {string[]} */ argv) {
  const o = {
    quick: false,
    loadOnly: false,
    sizes: [10_000, 100_000, 1_000_000],
    seed: 1,
    json: null,
    outDir: join(ROOT, '.bench/dist'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return /** @type {string} */ (v);
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--load-only') o.loadOnly = true;
    else if (a === '--sizes') o.sizes = value().split(',').map(Number);
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--json') o.json = /** @type {any} */ (resolve(value()));
    else if (a === '--out-dir') o.outDir = resolve(value());
    else
      fail(`unknown option ${a} (known: --quick, --sizes, --seed, --json, --out-dir, --load-only)`);
  }
  if (o.quick && !argv.includes('--sizes')) o.sizes = [10_000, 100_000];
  if (!o.sizes.length || o.sizes.some((n) => !Number.isInteger(n) || n < 2))
    fail('--sizes: whole numbers ≥ 2');
  if (!Number.isInteger(o.seed)) fail('--seed: a whole number');
  return o;
}

/** Stops with a clear message and a non-zero exit code. */
function fail(/** @type {string} */ message) {
  console.error(`[bench] cannot run: ${message}`);
  process.exit(1);
}

const o = options(process.argv.slice(2));
// Playwright closes its browsers on these signals but lets the process go on: stop here.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    console.error(
      `[bench] stopped by ${signal}${o.json ? ` (finished runs are in ${o.json})` : ''}`,
    );
    process.exit(130);
  });
}
log(`sizes ${o.sizes.map(sizeLabel).join(', ')}, seed ${o.seed}, Chromium ${CHROME}`);
if (!existsSync(CHROME))
  fail(`no Chromium at ${CHROME} (set CHROME_PATH or apt-get install chromium)`);
const version = await launch()
  .then(async (b) => [b.version(), await b.close()][0])
  .catch((e) => fail(e.message));

log(`building the app into ${o.outDir} …`);
const buildSeconds = await buildApp(o.outDir).catch((e) => fail(`build failed\n${e.message}`));
log(`built in ${Number(buildSeconds).toFixed(1)} s`);
copyDefaultData(o.outDir);
writePeer(o.outDir);
for (const n of o.sizes) {
  const { bytes } = await prepareData(o.outDir, n, o.seed, log);
  log(`data ${sizeLabel(n)}: ${(bytes / 2 ** 20).toFixed(1)} MiB`);
}

const { server, url } = /** @type {{ server: import('node:http').Server, url: string }} */ (
  await serve(o.outDir, { port: 0 }).catch((e) => fail(`server error: ${e.message}`))
);
server.on('error', (e) => fail(`server error: ${e.message}`));
log(`serving ${o.outDir} at ${url}`);

/** @type {import('./report.mjs').Run[]} */
const runs = [];
/** @type {Record<string, number>} */
const seconds = {};
for (const n of o.sizes) {
  const started = Date.now();
  const parsed = await measureParse({ n, baseUrl: url, log });
  const impls = /** @type {const} */ (o.loadOnly ? ['app'] : ['app', 'peer']);
  for (const impl of impls) {
    const steps = o.loadOnly ? 0 : n >= 1e6 ? 20 : 50;
    const run = await measureImpl({ impl, n, steps, baseUrl: url, log });
    run.parse_ms = parsed.parse_ms;
    if (parsed.error) run.notes.push(`parse page: ${parsed.error}`);
    runs.push(run);
    if (o.json) writeJson(o.json, runs, { partial: true }); // keep what we have if stopped
  }
  seconds[sizeLabel(n)] = Math.round((Date.now() - started) / 1000);
}
server.close();

const meta = {
  seed: o.seed,
  sizes: o.sizes,
  chromium: version,
  build_s: buildSeconds,
  seconds_per_n: seconds,
  total_s: Math.round((Date.now() - t0) / 1000),
  finished: new Date().toISOString(),
};
console.log(`\n${table(runs)}\n`);
const extra = notes(runs);
if (extra) console.log(`notes:\n${extra}\n`);
console.log(`targets:\n${targets(runs)}\n`);
log(
  `done in ${stamp()} (per N: ${Object.entries(seconds)
    .map(([k, s]) => `${k} ${s} s`)
    .join(', ')})`,
);
if (o.json) {
  writeJson(o.json, runs, meta);
  log(`wrote ${o.json}`);
}
process.exit(0);
