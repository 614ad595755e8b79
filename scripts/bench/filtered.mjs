// @ts-check
// The app's scrub with filters on (issue: "the benchmark's scrub targets still hold with filters
// on"). After the unfiltered scrub and the checks, the filters panel is used as a person would:
// an incident type ticked and a text search typed (BENCH_FILTERS). Then the "End
// date" slider is stepped again and each step's `scrub` measure (input handler → React commit,
// the same as the unfiltered scrub) is kept. Each step waits for the map's idle before the next,
// so frames never pile up; no repaint pairs are timed (the raster cost is the same as unfiltered).
import * as probe from './page-probe.mjs';
import { median, quantile } from './report.mjs';
import { STEP_TIMEOUT, stepKeys } from './steps.mjs';

/**
 * What the pass ticks and types. Two changes only: at 1M each change redraws the map once on
 * software WebGL (about 20 s), and the full run must stay within 30 minutes. A step costs the same
 * with any number of filters on (it reads the filtered prefix sums built once per change).
 */
export const BENCH_FILTERS = {
  types: ['Drone'],
  search: 'base',
};

/**
 * Turns the filters on, scrubs `steps` steps and records `run.scrub_filtered_ms` (null on error,
 * with a note). Never throws.
 * @param {import('playwright-core').Page} page
 * @param {import('./browser.mjs').Guard} guard
 * @param {import('./report.mjs').Run} run
 * @param {number} steps
 * @param {string} tag
 * @param {(s: string) => void} log
 * @param {() => Promise<number>} quiet
 */
export async function filteredScrub(page, guard, run, steps, tag, log, quiet) {
  /** @type {(number | null)[]} */
  const samples = [];
  run.scrub_filtered_ms = { median: null, p95: null };
  try {
    await guard(page.keyboard.press('Escape'), 30_000, 'closing the panel');
    await guard(page.getByTestId('filters-toggle').click(), 30_000, 'opening the filters');
    const panel = page.getByTestId('filters-panel');
    const typeGroup = panel.getByRole('group', { name: /Type/ });
    for (const t of BENCH_FILTERS.types)
      await guard(
        typeGroup.getByRole('checkbox', { name: new RegExp(t) }).check({ timeout: STEP_TIMEOUT }),
        STEP_TIMEOUT + 5000,
        `ticking ${t}`,
      );
    await guard(
      panel
        .getByRole('searchbox', { name: 'Search' })
        .fill(BENCH_FILTERS.search, { timeout: STEP_TIMEOUT }),
      STEP_TIMEOUT + 5000,
      'typing the search',
    );
    const summary = await guard(
      page.getByTestId('window-counts').innerText(),
      30_000,
      'reading the filtered counts',
    );
    run.notes.push(
      `filtered scrub: types ${BENCH_FILTERS.types.join('+')}, search "${BENCH_FILTERS.search}" → "${summary.replace(/\s+/g, ' ').trim()}"`,
    );
    await quiet();

    const thumb = page.getByRole('slider', { name: 'End date' });
    const [min, max] = await thumb.evaluate((el) => [
      Number(el.getAttribute('aria-valuemin')),
      Number(el.getAttribute('aria-valuemax')),
    ]);
    // From the whole span (the checks left the window there), stepping the end back and forth.
    for (const [i, key] of stepKeys(steps, max - min).entries()) {
      await guard(thumb.focus(), 30_000, 'focusing the slider');
      await page.evaluate(probe.armStep);
      await guard(page.keyboard.press(key), STEP_TIMEOUT, `filtered step ${i + 1}`);
      const r = await guard(
        page.evaluate(probe.finishStep, STEP_TIMEOUT),
        STEP_TIMEOUT + 15_000,
        `filtered step ${i + 1}`,
      );
      samples.push(r.scrub);
      if (r.reloads) run.tile_reloads = (run.tile_reloads ?? 0) + r.reloads;
      await quiet();
    }
    run.scrub_filtered_ms = { median: median(samples), p95: quantile(samples, 0.95) };
    log(
      `${tag}: filtered scrub median ${run.scrub_filtered_ms.median?.toFixed(2)} ms, p95 ${run.scrub_filtered_ms.p95?.toFixed(2)} ms (${samples.length} steps)`,
    );
  } catch (e) {
    run.notes.push(`filtered scrub failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
