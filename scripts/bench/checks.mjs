// @ts-check
/* global window */
// After the app's scrub at N: does everything else still work at this size? The counts over the
// whole span (prefix sums) must add up to N; a click on a base's point must pick the incidents
// stacked there (deck.gl picking + the KD-tree) and offer the base; the base's panel must open
// with its attack count; an incident from the same click must open its panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STEP_TIMEOUT } from './steps.mjs';

/** The base the check clicks: the busiest in the generated data (clustered around real bases). */
const BASE_ID = 'ain_al_asad';

/** @typedef {{ counts: boolean | null, click: boolean | null, base_panel: boolean | null, incident_panel: boolean | null }} Checks */

/**
 * Runs the checks; records them in `run.checks` and a note per failure. Never throws.
 * @param {import('playwright-core').Page} page
 * @param {import('./browser.mjs').Guard} guard
 * @param {import('./report.mjs').Run} run
 * @param {string} root the project root (for data/bases.geojson)
 * @param {(s: string) => void} log
 * @param {string} tag
 */
export async function appChecks(page, guard, run, root, log, tag) {
  /** @type {Checks} */
  const checks = { counts: null, click: null, base_panel: null, incident_panel: null };
  run.checks = checks;
  const fail = (/** @type {string} */ what) => run.notes.push(`check failed: ${what}`);
  try {
    // The whole span: End on the end handle, Home on the start handle.
    await guard(page.getByRole('slider', { name: 'End date' }).press('End'), 30_000, 'End');
    await guard(page.getByRole('slider', { name: 'Start date' }).press('Home'), 30_000, 'Home');
    const text = await guard(
      page.getByTestId('window-counts').innerText(),
      30_000,
      'reading the counts',
    );
    const m = /([\d,]+) attacks? · ([\d,]+) U\.S\. strikes?/.exec(text);
    const total = m ? Number(m[1]?.replace(/,/g, '')) + Number(m[2]?.replace(/,/g, '')) : NaN;
    checks.counts = total === run.n;
    if (!checks.counts) fail(`whole-span counts "${text}" do not add up to ${run.n}`);

    const bases = JSON.parse(readFileSync(join(root, 'data/bases.geojson'), 'utf8'));
    const base = bases.features.find((/** @type {any} */ f) => f.properties.id === BASE_ID);
    const point = await page.evaluate(
      (/** @type {[number, number]} */ lngLat) =>
        /** @type {any} */ (window).__incidentMap.map.project(lngLat),
      base.geometry.coordinates,
    );
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('no map box');
    await guard(
      page.mouse.click(box.x + point.x, box.y + point.y),
      STEP_TIMEOUT,
      'clicking the base',
    );
    const chooser = page.getByTestId('chooser');
    await guard(chooser.waitFor({ timeout: STEP_TIMEOUT }), STEP_TIMEOUT + 5000, 'the chooser');
    const incidents = await chooser.locator('.chooser-incident').count();
    const baseItems = await chooser.locator('.chooser-base').count();
    checks.click = incidents > 0 && baseItems > 0;
    if (!checks.click) fail(`the click offered ${baseItems} base(s) and ${incidents} incident(s)`);

    await chooser.locator('.chooser-base').first().click();
    const count = await guard(
      page.getByTestId('base-attack-count').innerText({ timeout: STEP_TIMEOUT }),
      STEP_TIMEOUT + 5000,
      'the base panel',
    );
    const attacks = Number(/([\d,]+) attacks?/.exec(count)?.[1]?.replace(/,/g, '') ?? NaN);
    checks.base_panel = attacks > 0;
    if (!checks.base_panel) fail(`the base panel said "${count}"`);

    await guard(
      page.mouse.click(box.x + point.x, box.y + point.y),
      STEP_TIMEOUT,
      'clicking the base again',
    );
    await guard(chooser.waitFor({ timeout: STEP_TIMEOUT }), STEP_TIMEOUT + 5000, 'the chooser');
    const label = await chooser.locator('.chooser-incident').first().innerText();
    await chooser.locator('.chooser-incident').first().click();
    const panel = await guard(
      page.getByTestId('side-panel').innerText({ timeout: STEP_TIMEOUT }),
      STEP_TIMEOUT + 5000,
      'the incident panel',
    );
    // The chooser's label starts with the incident's date: the panel must be about it.
    const date = label.split(' · ')[0] ?? '';
    checks.incident_panel = date.length > 0 && panel.includes(date);
    if (!checks.incident_panel) fail(`the incident panel for "${label}" did not open`);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  log(
    `${tag}: checks ${Object.entries(checks)
      .map(([k, v]) => `${k} ${v === null ? '–' : v ? 'ok' : 'FAILED'}`)
      .join(', ')}`,
  );
}
