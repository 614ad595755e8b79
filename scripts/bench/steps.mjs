// @ts-check
// The scrub: drive the real slider with the keyboard and time each step to the map's idle.
import * as probe from './page-probe.mjs';

export const STEP_TIMEOUT = 120_000;

/** The keys of a scrub: PageDown until the end handle nears the start, then PageUp back, … */
export function stepKeys(/** @type {number} */ steps, /** @type {number} */ spanDays) {
  const leg = Math.max(1, Math.floor(spanDays / 30));
  return Array.from({ length: steps }, (_, i) => (Math.floor(i / leg) % 2 ? 'PageUp' : 'PageDown'));
}

/** Above this full-window repaint (ms), a step's repaint is timed after every 4th step only. */
const SLOW_FRAME = 5000;

/**
 * The slider steps: focus "End date", then for each key: arm the idle promise, press, wait for
 * the frame, then time a repaint of the same window (after every 4th step only when a frame takes
 * over 5 s, as deck.gl at 1M does on software WebGL, to keep a full run near 30 minutes).
 * @param {import('playwright-core').Page} page
 * @param {import('./browser.mjs').Guard} guard
 * @param {import('./report.mjs').Run} run
 * @param {number} steps
 * @param {string} tag
 * @param {(s: string) => void} log
 * @param {() => Promise<number>} quiet
 */
export async function scrub(page, guard, run, steps, tag, log, quiet) {
  const thumb = page.getByRole('slider', { name: 'End date' });
  const [min, max] = await guard(
    thumb.evaluate((el) => {
      const input = /** @type {HTMLInputElement} */ (el);
      return [
        Number(el.getAttribute('aria-valuemin') ?? input.min),
        Number(el.getAttribute('aria-valuemax') ?? input.max),
      ];
    }),
    30_000,
    'finding the "End date" slider',
  );
  const keys = stepKeys(steps, max - min);
  let forced = 0;
  let late = 0;
  /** @type {number[]} */
  const frames = [];
  const pairEvery = (run.repaint_ms.median ?? 0) > SLOW_FRAME ? 4 : 1;
  if (pairEvery > 1)
    run.notes.push(
      `frames take ${fmtMs(run.repaint_ms.median)}: repaint timed after every ${pairEvery}th step only`,
    );
  run.tile_reloads = 0;
  await quiet();
  for (const [i, key] of keys.entries()) {
    await guard(thumb.focus(), 30_000, 'focusing the slider');
    await page.evaluate(probe.armStep);
    await guard(page.keyboard.press(key), STEP_TIMEOUT, `step ${i + 1} key press`);
    const r = await guard(
      page.evaluate(probe.finishStep, STEP_TIMEOUT),
      STEP_TIMEOUT + 15_000,
      `step ${i + 1}`,
    );
    if (r.idleT === null || r.drawnT === null)
      throw new Error(`step ${i + 1}: no idle within ${STEP_TIMEOUT / 1000} s`);
    const settle = r.keyT === null ? null : r.drawnT - r.keyT;
    run.samples.settle.push(settle);
    run.samples.settle_idle.push(r.keyT === null ? null : r.idleT - r.keyT);
    // The same window repainted with nothing changed: this step's raster cost alone.
    const extra = await quiet();
    if (extra > 0) late += extra;
    const rp =
      (i + 1) % pairEvery === 0
        ? await guard(
            page.evaluate(probe.repaintOnce, STEP_TIMEOUT),
            STEP_TIMEOUT + 10_000,
            `step ${i + 1} repaint`,
          )
        : null;
    run.samples.step_repaint.push(rp?.drawn ?? null);
    run.samples.work.push(settle !== null && rp ? settle - rp.drawn : null);
    if (rp) await quiet();
    run.samples.scrub.push(r.scrub);
    frames.push(r.frames);
    run.tile_reloads += r.reloads;
    run.steps = i + 1;
    if (r.forced) forced++;
    if (r.keyT === null) run.notes.push(`step ${i + 1}: the keydown was not seen`);
    if (i % 5 === 4 || i === keys.length - 1 || run.n >= 1e6)
      log(
        `${tag}: step ${i + 1}/${keys.length} ${key}: scrub ${fmtMs(r.scrub)}, settle ${fmtMs(settle)}, repaint ${fmtMs(rp?.drawn ?? null)}, frames ${r.frames}, reloads ${r.reloads}`,
      );
  }
  const multi = frames.filter((f) => f > 1).length;
  if (multi)
    run.notes.push(
      `${multi} step(s) rendered more than one frame before idle (max ${Math.max(...frames)})`,
    );
  if (forced) run.notes.push(`${forced} step(s) requested no frame: repaint forced to reach idle`);
  if (late) run.notes.push(`${late} frame(s) rendered after a step's idle (before its repaint)`);
  const noScrub = run.samples.scrub.filter((s) => s === null).length;
  if (noScrub) run.notes.push(`${noScrub} step(s) left no 'scrub' measure`);
}

const fmtMs = (/** @type {number | null} */ x) =>
  x === null ? '–' : `${x.toFixed(x < 10 ? 2 : 0)} ms`;
