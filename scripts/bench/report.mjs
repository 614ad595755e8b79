// @ts-check
// Statistics, the printed table, the targets (MET / MISSED) and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {object} Run
 * @property {'app' | 'peer'} impl
 * @property {number} n
 * @property {number} steps steps completed
 * @property {{ median: number | null, p95: number | null }} scrub_ms
 * @property {{ median: number | null, p95: number | null }} [scrub_filtered_ms] app only: the scrub with filters on (filtered.mjs)
 * @property {{ median: number | null }} settle_ms keydown to the next idle's frame drawn
 * @property {{ median: number | null }} settle_idle_ms keydown to the next idle event
 * @property {{ median: number | null }} repaint_ms triggerRepaint to the idle's frame drawn
 * @property {{ median: number | null }} repaint_idle_ms triggerRepaint to the idle event
 * @property {{ median: number | null }} step_repaint_ms a repaint after each step (same window)
 * @property {{ median: number | null }} work_ms per step: settle − that step's repaint
 * @property {number | null} tile_reloads
 * @property {number | null} ready_ms
 * @property {number | null} parse_ms
 * @property {number | null} first_frame_ms
 * @property {number | null} heap_mb
 * @property {import('./checks.mjs').Checks} [checks] app only: counts, click, panels still work at N
 * @property {string | null} error why the run stopped early, if it did
 * @property {string[]} notes
 * @property {Record<'scrub' | 'settle' | 'settle_idle' | 'repaint' | 'repaint_idle' | 'step_repaint' | 'work', (number | null)[]>} samples
 */

/** The q-quantile (nearest rank) of the numbers in `values`, ignoring nulls; null if none. */
export function quantile(/** @type {(number | null)[]} */ values, /** @type {number} */ q) {
  const xs = /** @type {number[]} */ (values.filter((v) => typeof v === 'number')).sort(
    (a, b) => a - b,
  );
  if (!xs.length) return null;
  return /** @type {number} */ (
    xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))]
  );
}
export const median = (/** @type {(number | null)[]} */ v) => quantile(v, 0.5);

/** A number for the table: 3 significant-ish digits, '–' for null. */
export function fmt(/** @type {number | null | undefined} */ x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return a < 10 ? x.toFixed(2) : a < 100 ? x.toFixed(1) : x.toFixed(0);
}
const ratio = (/** @type {number | null} */ a, /** @type {number | null} */ b) =>
  a === null || b === null || b === 0 ? null : a / b;
const fmtRatio = (/** @type {number | null} */ r) => (r === null ? '–' : `${fmt(r)}×`);
export const sizeLabel = (/** @type {number} */ n) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);

/** The app run and the peer run for N. */
function pair(/** @type {Run[]} */ runs, /** @type {number} */ n) {
  return {
    app: runs.find((r) => r.impl === 'app' && r.n === n) ?? null,
    peer: runs.find((r) => r.impl === 'peer' && r.n === n) ?? null,
  };
}

/** The table, one row per impl × N; ratios: ready/parse per row, peer work over app scrub. */
export function table(/** @type {Run[]} */ runs) {
  const head = [
    'impl',
    'N',
    'steps',
    'scrub med',
    'scrub p95',
    'filtered med',
    'filtered p95',
    'settle med',
    'repaint med',
    'step repaint',
    'work med',
    'reloads',
    'ready',
    'parse',
    'ready/parse',
    '1st frame',
    'heap MB',
    'peer work/app scrub',
  ];
  const rows = runs.map((r) => {
    const app = pair(runs, r.n).app;
    const vsApp = r.impl === 'peer' ? ratio(r.work_ms.median, app?.scrub_ms.median ?? null) : null;
    return [
      r.error ? `${r.impl}!` : r.impl,
      sizeLabel(r.n),
      String(r.steps),
      fmt(r.scrub_ms.median),
      fmt(r.scrub_ms.p95),
      fmt(r.scrub_filtered_ms?.median),
      fmt(r.scrub_filtered_ms?.p95),
      fmt(r.settle_ms.median),
      fmt(r.repaint_ms.median),
      fmt(r.step_repaint_ms.median),
      fmt(r.work_ms.median),
      r.tile_reloads === null ? '–' : String(r.tile_reloads),
      fmt(r.ready_ms),
      fmt(r.parse_ms),
      fmtRatio(ratio(r.ready_ms, r.parse_ms)),
      fmt(r.first_frame_ms),
      fmt(r.heap_mb),
      r.impl === 'peer' ? fmtRatio(vsApp) : '',
    ];
  });
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i < 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    'times in ms (median unless p95). repaint: full window after load; step repaint: after each',
    'step (same window); work = settle − step repaint, per step. "!" = run stopped early (notes)',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/** The targets as MET / MISSED / NOT RUN lines (only what the run measured is evaluated). */
export function targets(/** @type {Run[]} */ runs) {
  /** @type {string[]} */
  const out = [];
  const verdict = (/** @type {boolean | null} */ ok, /** @type {string} */ text) =>
    out.push(`${ok === null ? 'NOT RUN' : ok ? 'MET    ' : 'MISSED '}  ${text}`);
  const m = pair(runs, 1_000_000);
  if (m.app && m.app.steps === 0)
    verdict(null, 'at 1M: app scrub targets (loading only in this run)');
  else if (!m.app)
    verdict(
      null,
      'at 1M: app scrub_ms median ≤ 2, p95 ≤ 8, tile_reloads = 0, heap_mb ≤ 300 (1M not in this run)',
    );
  else {
    const a = m.app;
    const s = a.scrub_ms;
    const why = a.error ? ` (${a.error.slice(0, 120)})` : '';
    verdict(
      s.median !== null && s.median <= 2,
      `at 1M: app scrub_ms median ≤ 2 (${fmt(s.median)})${s.median === null ? why : ''}`,
    );
    verdict(s.p95 !== null && s.p95 <= 8, `at 1M: app scrub_ms p95 ≤ 8 (${fmt(s.p95)})`);
    const f = a.scrub_filtered_ms;
    verdict(
      f ? f.median !== null && f.median <= 2 && f.p95 !== null && f.p95 <= 8 : null,
      `at 1M with filters on: app scrub_ms median ≤ 2, p95 ≤ 8 (${fmt(f?.median)}, ${fmt(f?.p95)})`,
    );
    verdict(a.tile_reloads === 0, `at 1M: app tile_reloads = 0 (${a.tile_reloads ?? '–'})`);
    verdict(
      a.heap_mb !== null && a.heap_mb <= 300,
      `at 1M: app heap_mb ≤ 300 (${fmt(a.heap_mb)})${a.heap_mb === null ? why : ''}`,
    );
  }
  const h = pair(runs, 100_000);
  if (!h.app || !h.peer)
    verdict(null, 'at 100k: peer work_ms ≥ 100 × app scrub_ms median (100k not in this run)');
  else {
    const w = h.peer.work_ms.median;
    const s = h.app.scrub_ms.median;
    const ok = w !== null && s !== null ? w >= 100 * s : false;
    verdict(
      ok,
      `at 100k: peer work_ms ≥ 100 × app scrub_ms median (${fmt(w)} vs 100 × ${fmt(s)}; ${fmtRatio(ratio(w, s))})`,
    );
    const f = h.app.scrub_filtered_ms?.median ?? null;
    verdict(
      w !== null && f !== null ? w >= 100 * f : null,
      `at 100k with filters on: peer work_ms ≥ 100 × app scrub_ms median (${fmt(w)} vs 100 × ${fmt(f)}; ${fmtRatio(ratio(w, f))})`,
    );
  }
  for (const r of runs) {
    if (r.impl !== 'app' || !r.checks) continue;
    const values = Object.values(r.checks);
    const ran = values.every((v) => v !== null);
    verdict(
      ran ? values.every(Boolean) : null,
      `at ${sizeLabel(r.n)}: whole-span counts add up to N, a click picks the stacked incidents, base and incident panels open (${Object.entries(
        r.checks,
      )
        .map(([k, v]) => `${k} ${v === null ? '–' : v ? 'ok' : 'failed'}`)
        .join(', ')})`,
    );
  }
  const largest = Math.max(...runs.map((r) => r.n));
  const big = pair(runs, largest).app;
  if (big) {
    const ok = big.ready_ms !== null && big.parse_ms !== null && big.ready_ms <= 3 * big.parse_ms;
    verdict(
      ok,
      `at ${sizeLabel(largest)} (largest run): app ready_ms ≤ 3 × parse_ms (${fmt(big.ready_ms)} vs 3 × ${fmt(big.parse_ms)}; ${fmtRatio(ratio(big.ready_ms, big.parse_ms))})`,
    );
  }
  return out.join('\n');
}

/** Notes and errors per run, for after the table. */
export function notes(/** @type {Run[]} */ runs) {
  const lines = [];
  for (const r of runs) {
    const all = [...(r.error ? [`ERROR: ${r.error}`] : []), ...r.notes];
    for (const n of all) lines.push(`${r.impl} ${sizeLabel(r.n)}: ${n}`);
  }
  return lines.join('\n');
}

/**
 * Writes `{ runs, meta }` to `path`.
 * @param {string} path
 * @param {Run[]} runs
 * @param {Record<string, unknown>} meta
 */
export function writeJson(path, runs, meta) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ runs, meta }, null, 2)}\n`);
}
