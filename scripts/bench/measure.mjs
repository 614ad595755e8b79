// @ts-check
// Measures one implementation (the app or the peer) at one N, and the bare JSON.parse of a file.
import { loadTimeout, withPage } from './browser.mjs';
import * as probe from './page-probe.mjs';
import { median, quantile, sizeLabel } from './report.mjs';
import { scrub, STEP_TIMEOUT } from './steps.mjs';
import { appChecks } from './checks.mjs';
import { filteredScrub } from './filtered.mjs';
import { ROOT } from './prepare.mjs';

/**
 * Measures the app or the peer at N (loading only when `steps` is 0).
 * @param {{ impl: 'app' | 'peer', n: number, steps: number, baseUrl: string, log: (s: string) => void }} o
 * @returns {Promise<import('./report.mjs').Run>}
 */
export async function measureImpl({ impl, n, steps, baseUrl, log }) {
  /** @type {import('./report.mjs').Run} */
  const run = {
    impl,
    n,
    steps: 0,
    scrub_ms: { median: null, p95: null },
    settle_ms: { median: null },
    settle_idle_ms: { median: null },
    repaint_ms: { median: null },
    repaint_idle_ms: { median: null },
    step_repaint_ms: { median: null },
    work_ms: { median: null },
    tile_reloads: null,
    ready_ms: null,
    parse_ms: null,
    first_frame_ms: null,
    heap_mb: null,
    error: null,
    notes: [],
    samples: {
      scrub: [],
      settle: [],
      settle_idle: [],
      repaint: [],
      repaint_idle: [],
      step_repaint: [],
      work: [],
    },
  };
  const tag = `${impl} ${sizeLabel(n)}`;
  const url =
    impl === 'app'
      ? `${baseUrl}?incidents=bench/incidents-${n}.geojson`
      : `${baseUrl}bench/peer.html?incidents=incidents-${n}.geojson`;
  /** @type {string[]} */ let problems = [];
  try {
    await withPage(url, async (page, guard, seen) => {
      problems = seen;
      const t0 = performance.now();
      log(`${tag}: loading ${url}`);
      const limit = loadTimeout(n);
      const state = await guard(
        page
          .waitForFunction(probe.loadState, null, { polling: 500, timeout: 0 })
          .then((h) => h.jsonValue()),
        limit,
        `loading ${sizeLabel(n)} incidents`,
      ).catch((e) => `did not load: ${e.message}`);
      if (state !== 'ready') throw new Error(String(state));
      await guard(
        page.waitForFunction(probe.hookMap, null, { polling: 200, timeout: 0 }),
        30_000,
        'map',
      );
      if (
        (await guard(
          page.evaluate(probe.waitQuiet, limit),
          limit + 10_000,
          'settling after load',
        )) < 0
      )
        run.notes.push('the map never went quiet after loading');
      const load = await page.evaluate(probe.readLoad);
      readLoadTimes(run, load);
      log(
        `${tag}: ready ${fmtS(run.ready_ms)}, first frame ${fmtS(run.first_frame_ms)} (wall ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );

      const cdp = await page.context().newCDPSession(page);
      await guard(cdp.send('HeapProfiler.collectGarbage'), 120_000, 'garbage collection');
      const heap = await guard(cdp.send('Runtime.getHeapUsage'), 30_000, 'heap usage');
      run.heap_mb = heap.usedSize / 2 ** 20;

      if (steps === 0) return; // --load-only
      const quiet = () =>
        guard(
          page.evaluate(probe.waitQuiet, STEP_TIMEOUT),
          STEP_TIMEOUT + 10_000,
          'waiting for a quiet map',
        );
      for (let i = 0; i < (n >= 1e6 ? 3 : 5); i++) {
        await quiet();
        const t = await guard(
          page.evaluate(probe.repaintOnce, STEP_TIMEOUT),
          STEP_TIMEOUT + 10_000,
          'repaint',
        );
        run.samples.repaint.push(t?.drawn ?? null);
        if (t && t.frames > 1)
          run.notes.push(`repaint ${i + 1} after load took ${t.frames} frames`);
        run.samples.repaint_idle.push(t?.idle ?? null);
      }
      run.repaint_ms.median = median(run.samples.repaint);
      run.repaint_idle_ms.median = median(run.samples.repaint_idle);
      log(
        `${tag}: heap ${run.heap_mb.toFixed(1)} MB, repaint ${fmtMs(run.repaint_ms.median)} (${run.samples.repaint.map(fmtMs).join(', ')})`,
      );

      await scrub(page, guard, run, steps, tag, log, quiet);
      if (impl === 'app') {
        await appChecks(page, guard, run, ROOT, log, tag);
        await filteredScrub(page, guard, run, n >= 1e6 ? 6 : n >= 1e5 ? 10 : 20, tag, log, quiet);
      }
    });
  } catch (e) {
    run.error = e instanceof Error ? e.message : String(e);
    log(`${tag}: ERROR ${run.error}`);
  }
  const distinct = [...new Set(problems)];
  for (const p of distinct.slice(0, 5)) run.notes.push(p.slice(0, 300));
  if (distinct.length > 5) run.notes.push(`… and ${distinct.length - 5} more page/console errors`);
  summarize(run);
  return run;
}

/** ready_ms and first_frame_ms from the page's marks (see README of the runner in run.mjs). */
function readLoadTimes(
  /** @type {import('./report.mjs').Run} */ run,
  /** @type {ReturnType<typeof probe.readLoad>} */ load,
) {
  if (run.impl === 'peer') {
    if (load.peerFetch !== null && load.peerReady !== null)
      run.ready_ms = load.peerReady - load.peerFetch;
    run.first_frame_ms = load.peerReady;
    if (load.peerParsed !== null && load.peerFetch !== null)
      run.notes.push(
        `fetch + JSON + day pass ${fmtMs(load.peerParsed - load.peerFetch)}; ${load.peerStatus}`,
      );
    return;
  }
  run.first_frame_ms = load.firstFrame;
  if (load.firstFrameRenders !== null && load.appReady !== null && load.firstFrame !== null)
    run.notes.push(
      `${load.firstFrameRenders} frame(s) rendered before the first idle with data; ${fmtMs(load.firstFrame - load.appReady)} from incidents-ready to it`,
    );
  if (load.loadTimes && typeof load.loadTimes === 'object')
    run.notes.push(`load phases (ms) ${JSON.stringify(load.loadTimes)}`);
  if (load.appFetch !== null && load.appReady !== null) {
    run.ready_ms = load.appReady - load.appFetch;
    const since = (/** @type {number | null} */ t) =>
      t === null || load.appFetch === null ? '–' : fmtMs(t - load.appFetch);
    run.notes.push(
      `from the fetch: worker started ${since(load.appWorkerStart)}, done ${since(load.appWorkerDone)}, all files loaded ${since(load.appLoaded)}, ready ${since(load.appReady)}`,
    );
  } else if (load.loadTimes && typeof load.loadTimes === 'object') {
    const t = /** @type {Record<string, number>} */ (load.loadTimes);
    const start = t.fetch ?? t.start ?? null;
    const end = t.ready ?? t.end ?? null;
    run.ready_ms = start !== null && end !== null ? end - start : null;
    run.notes.push('ready_ms from window.__incidentLoadTimes');
  } else
    run.notes.push(
      'no incidents-fetch/incidents-ready marks and no window.__incidentLoadTimes: ready_ms is null',
    );
  const counted = (load.counts ?? '').match(/([\d,]+) attacks? · ([\d,]+) U\.S\. strikes?/);
  const shown = counted
    ? Number(counted[1]?.replace(/,/g, '')) + Number(counted[2]?.replace(/,/g, ''))
    : null;
  if (shown !== run.n)
    run.notes.push(
      `the app counts ${shown ?? 'no'} incidents in the window ("${load.counts}"), expected ${run.n}`,
    );
}

/** Medians and p95 from the samples; work = settle − median repaint, per step. */
function summarize(/** @type {import('./report.mjs').Run} */ run) {
  const { scrub, settle } = run.samples;
  run.scrub_ms = { median: median(scrub), p95: quantile(scrub, 0.95) };
  run.settle_ms.median = median(settle);
  run.settle_idle_ms.median = median(run.samples.settle_idle);
  run.step_repaint_ms.median = median(run.samples.step_repaint);
  run.work_ms.median = median(run.samples.work);
}

/**
 * Times a bare JSON.parse of the N file in a blank page (fetched as text first).
 * @param {{ n: number, baseUrl: string, log: (s: string) => void }} o
 */
export async function measureParse({ n, baseUrl, log }) {
  const reps = n >= 1e6 ? 1 : 3;
  try {
    return await withPage(`${baseUrl}bench/parse.html`, async (page, guard) => {
      const r = await guard(
        page.evaluate(probe.parseTimes, { url: `incidents-${n}.geojson`, reps }),
        loadTimeout(n),
        'JSON.parse',
      );
      if (r.features !== n) throw new Error(`parsed ${r.features} features, expected ${n}`);
      const ms = median(r.times);
      log(
        `parse ${sizeLabel(n)}: ${fmtMs(ms)} (${r.times.map(fmtMs).join(', ')}; ${(r.chars / 2 ** 20).toFixed(0)} Mi chars)`,
      );
      return { parse_ms: ms, error: null };
    });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    log(`parse ${sizeLabel(n)}: ERROR ${error}`);
    return { parse_ms: null, error };
  }
}

const fmtMs = (/** @type {number | null} */ x) =>
  x === null ? '–' : `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const fmtS = (/** @type {number | null} */ x) => (x === null ? '–' : `${(x / 1000).toFixed(2)} s`);
