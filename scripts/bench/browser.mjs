// @ts-check
// A fresh headless Chromium per measured page (software WebGL, 1280×800), with a `guard` that
// races every browser call against a timeout and a renderer crash, so a pathological case ends
// with an error instead of hanging the run.
import { chromium } from 'playwright-core';
import { installProbe } from './page-probe.mjs';
import { CHROME_PATH, CHROMIUM_ARGS } from '../chromium.mjs';

export const CHROME = CHROME_PATH;
const ARGS = CHROMIUM_ARGS;
// luma.gl's harmless note about the data-filter uniform block on SwiftShader (DESIGN.md).
// "Failed to load resource" repeats an HTTP error that the response listener names with its URL.
const IGNORED_CONSOLE = [/dataFilterUniforms/, /^Failed to load resource/];

/** @typedef {<U>(p: Promise<U>, ms: number, what: string) => Promise<U>} Guard */

/** Launches Chromium; throws with a clear message when it cannot. */
export async function launch() {
  try {
    return await chromium.launch({ executablePath: CHROME, args: ARGS, headless: true });
  } catch (e) {
    const first = String(e).split('\n')[0];
    throw new Error(`cannot launch Chromium at ${CHROME} (set CHROME_PATH): ${first}`, {
      cause: e,
    });
  }
}

/** Milliseconds allowed for loading N incidents (the app's loader is being reworked). */
export const loadTimeout = (/** @type {number} */ n) => 60_000 + 300_000 * (n / 1e6);

/**
 * Opens `path` in a fresh browser and page and hands it to `body` with a `guard` that races each
 * promise against a timeout and a renderer crash. Closes everything afterwards.
 * @template T
 * @param {string} url
 * @param {(page: import('playwright-core').Page, guard: Guard, problems: string[]) => Promise<T>} body
 */
export async function withPage(url, body) {
  const browser = await launch();
  /** @type {string[]} */
  const problems = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !IGNORED_CONSOLE.some((re) => re.test(m.text())))
        problems.push(`console error: ${m.text()}`);
    });
    /** @type {(e: Error) => void} */ let crashed = () => {};
    const crash = new Promise((_, fail) => (crashed = fail));
    crash.catch(() => {});
    page.on('crash', () => crashed(new Error('the page crashed (renderer out of memory?)')));
    const guard = /** @type {Guard} */ (
      (p, ms, what) => {
        /** @type {NodeJS.Timeout | undefined} */ let timer;
        const late = new Promise((_, fail) => {
          timer = setTimeout(
            () => fail(new Error(`${what}: no answer after ${Math.round(ms / 1000)} s`)),
            ms,
          );
        });
        p.catch(() => {}); // a promise that lost the race may reject later (page closed)
        return /** @type {Promise<any>} */ (Promise.race([p, late, crash])).finally(() =>
          clearTimeout(timer),
        );
      }
    );
    await page.addInitScript(installProbe);
    await guard(page.goto(url, { waitUntil: 'load', timeout: 0 }), 60_000, 'navigation');
    return await body(page, guard, problems);
  } finally {
    // A wedged renderer can make close() slow: give it 30 s, then carry on.
    await Promise.race([
      browser.close().catch(() => {}),
      new Promise((r) => setTimeout(r, 30_000)),
    ]);
  }
}
