/**
 * Embed mode (`?embed=1`): the chrome-less layout, its controls, the "Open full map" link, the
 * map following its frame's size, and the postMessage API with a host page on an allowed origin
 * (commands work, events arrive) and on another origin (ignored).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from './test';
import { cspViolations, openApp, watchProblems } from './helpers';

const PORT = Number(process.env.E2E_PORT) || 4321;
const SELF = `http://127.0.0.1:${PORT}`;
const OTHER = `http://localhost:${PORT}`;

/** The map's frame in a host page, once its data is on the map. */
async function mapFrame(page: Page): Promise<Frame> {
  const frameEl = page.locator('iframe');
  await expect(frameEl).toHaveCount(1);
  const frame = (await (await frameEl.elementHandle())!.contentFrame())!;
  await expect(frame.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', {
    timeout: 60_000,
  });
  return frame;
}

/** Resolves in the frame once it has received `n` more message events (after the bridge saw them). */
async function armMessageCounter(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { __seen?: number };
    w.__seen = 0;
    window.addEventListener('message', () => (w.__seen = (w.__seen ?? 0) + 1));
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}`));
}

test('?embed=1 shows the map, the compact timeline, legend, sources and Open full map', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page, '?embed=1&from=2024-01-01&to=2024-01-31&select=base:tower_22');
  // No header, filters or table chrome.
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.getByTestId('filters-toggle')).toHaveCount(0);
  await expect(page.getByTestId('table-toggle')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
  // The compact timeline with the window; the legend; the source line.
  await expect(page.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  await expect(page.getByRole('slider', { name: 'End date' })).toBeVisible();
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.getByTestId('source-line')).toContainText('Sources:');
  await expect(page.getByTestId('source-line').locator('a').first()).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  // Panels still open (the selection from the URL).
  await expect(page.locator('#panel-title')).toHaveText('Tower 22');

  const link = page.getByTestId('open-full-map');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const href = new URL((await link.getAttribute('href'))!);
  expect(href.searchParams.get('from')).toBe('2024-01-01');
  expect(href.searchParams.get('to')).toBe('2024-01-31');
  expect(href.searchParams.get('select')).toBe('base:tower_22');
  for (const key of ['embed', 'controls', 'autoplay', 'origin'])
    expect(href.searchParams.has(key)).toBe(false);

  // The map does not trap the page's scroll: cooperative gestures are on.
  expect(await page.evaluate(() => window.__incidentMap!.map.cooperativeGestures.isEnabled())).toBe(
    true,
  );
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('controls=none leaves the map, legend and source line; controls=full is the whole app', async ({
  page,
}) => {
  await openApp(page, '?embed=1&controls=none&from=2024-01-01&to=2024-01-31');
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.getByTestId('source-line')).toBeVisible();
  await expect(page.getByTestId('open-full-map')).toBeVisible();
  await expect(page.getByTestId('window-label')).toHaveCount(0);
  await expect(page.getByRole('slider')).toHaveCount(0);

  await openApp(page, '?embed=1&controls=full&from=2024-01-01&to=2024-01-31');
  await expect(page.locator('.topbar')).toBeVisible();
  await expect(page.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  // Still an embed: the map does not trap the host page's scroll.
  expect(await page.evaluate(() => window.__incidentMap!.map.cooperativeGestures.isEnabled())).toBe(
    true,
  );
});

test('the embed view has no serious accessibility violations, light and dark', async ({ page }) => {
  await openApp(page, '?embed=1&from=2024-01-01&to=2024-01-31');
  expect(await seriousViolations(page)).toEqual([]);
  await openApp(page, '?embed=1&theme=dark&from=2024-01-01&to=2024-01-31');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a host page on an allowed origin drives the map and hears its events', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto(`${SELF}/embed-example.html?from=2024-01-01&to=2024-01-31`);
  const frame = await mapFrame(page);
  const log = page.getByTestId('log');
  await expect(log).toContainText('"type":"ready"');
  await expect(log).toContainText('"source":"incident-map"');
  await expect(frame.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');

  await page.getByLabel('From').fill('2024-02-01');
  await page.getByLabel('To').fill('2024-02-15');
  await page.getByRole('button', { name: 'Set window' }).click();
  await expect(frame.getByTestId('window-label')).toHaveText('1 Feb 2024 – 15 Feb 2024');
  await expect(log).toContainText(
    '{"source":"incident-map","type":"windowchange","from":"2024-02-01","to":"2024-02-15"}',
  );

  // Select; and a change made in the map's own UI is reported back.
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(frame.locator('#panel-title')).toHaveText('Tower 22');
  await expect(log).toContainText('"type":"select","target":"base:tower_22"');
  await frame.getByRole('button', { name: 'Close panel' }).click();
  await expect(log).toContainText('"type":"select","target":null');

  // An invalid command from the allowed origin is answered with an error.
  await page.getByLabel('Select').fill('nonsense');
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(log).toContainText('"type":"error"');

  // The map follows its frame's size.
  const widthBefore = await frame.evaluate(() => window.__incidentMap!.map.getCanvas().clientWidth);
  await page.locator('#frame').evaluate((el) => (el.style.width = '480px'));
  await expect
    .poll(() => frame.evaluate(() => window.__incidentMap!.map.getCanvas().clientWidth))
    .toBeLessThanOrEqual(480);
  expect(widthBefore).toBeGreaterThan(600);

  expect(await cspViolations(page, problems)).toEqual([]);
  expect(await frame.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('a host page on another origin cannot drive the map', async ({ page }) => {
  // The host is reached as localhost; the map (127.0.0.1) accepts only its own origin.
  await page.goto(
    `${OTHER}/embed-example.html?app=${encodeURIComponent(`${SELF}/`)}&allow=${encodeURIComponent(SELF)}&from=2024-01-01&to=2024-01-31`,
  );
  const frame = await mapFrame(page);
  await expect(frame.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  await armMessageCounter(frame);
  await page.getByLabel('From').fill('2024-02-01');
  await page.getByLabel('To').fill('2024-02-15');
  await page.getByRole('button', { name: 'Set window' }).click();
  // The message did arrive (and the bridge, listening first, saw it), and changed nothing.
  await expect.poll(() => frame.evaluate(() => (window as { __seen?: number }).__seen)).toBe(1);
  await expect(frame.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  // Nor did the map send its events to this page.
  await expect(page.getByTestId('log')).not.toContainText('incident-map');
});

/**
 * Opens the embedding example on `host`, which frames the map (allowing `SELF`) and posts
 * `setWindow` (1–15 Feb 2024) from the frame's `load` event, as hosts commonly do. The map's
 * embed-config.json is held back until that message has been sent, so it arrives before the map
 * knows its allowed origins (the case that used to be dropped). Resolves the frame once its map
 * is ready.
 */
async function frameWithOnloadCommand(page: Page, host: string): Promise<Frame> {
  await page.route('**/embed-config.json', async (route) => {
    await expect(page.getByTestId('log')).toContainText('→ {"type":"setWindow"', {
      timeout: 60_000,
    });
    await route.continue();
  });
  // Counts message events in every frame (installed before the app's own listener).
  await page.addInitScript(() => {
    const w = window as unknown as { __seen?: number };
    w.__seen = 0;
    window.addEventListener('message', () => (w.__seen = (w.__seen ?? 0) + 1));
  });
  const query = new URLSearchParams({
    app: `${SELF}/`,
    allow: SELF,
    from: '2024-01-01',
    to: '2024-01-31',
    onload: '2024-02-01/2024-02-15',
  });
  await page.goto(`${host}/embed-example.html?${query}`);
  return mapFrame(page);
}

test('a command sent from the frame’s load event, before the map is ready, is applied', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const frame = await frameWithOnloadCommand(page, SELF);
  await expect(frame.getByTestId('window-label')).toHaveText('1 Feb 2024 – 15 Feb 2024');
  const log = page.getByTestId('log');
  await expect(log).toContainText('"type":"ready"');
  await expect(log).toContainText(
    '{"source":"incident-map","type":"windowchange","from":"2024-02-01","to":"2024-02-15"}',
  );
  expect(problems.pageErrors).toEqual([]);
});

test('a command sent from the load event of a page on another origin is ignored', async ({
  page,
}) => {
  const frame = await frameWithOnloadCommand(page, OTHER);
  // The host's message reached the frame…
  await expect.poll(() => frame.evaluate(() => (window as { __seen?: number }).__seen)).toBe(1);
  // …and a later one from an allowed origin (the map's own) is handled after it, in order: once
  // its selection shows, the host's command has been checked too, and it changed nothing.
  await frame.evaluate(() =>
    window.postMessage({ type: 'select', target: 'base:tower_22' }, location.origin),
  );
  await expect(frame.locator('#panel-title')).toHaveText('Tower 22');
  await expect(frame.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  await expect(page.getByTestId('log')).not.toContainText('incident-map');
});

test('the Embed dialog previews the embed and its code shows the same window in a page', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page, '?from=2024-01-01&to=2024-01-31');
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  // The live preview is the embed of this view.
  const preview = page.frameLocator('[data-testid="embed-preview"] iframe');
  await expect(preview.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024', {
    timeout: 60_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('combobox', { name: 'Controls' }).selectOption('none');
  await expect(preview.getByTestId('open-full-map')).toBeVisible({ timeout: 60_000 });
  await expect(preview.getByTestId('window-label')).toHaveCount(0);
  await dialog.getByRole('combobox', { name: 'Controls' }).selectOption('time');

  const code = await dialog.getByTestId('embed-code').inputValue();
  expect(code).toContain(`${SELF}/?from=2024-01-01&amp;to=2024-01-31&amp;embed=1`);
  expect(await cspViolations(page, problems)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The code pasted into another page.
  await page.setContent(`<!doctype html><html><body><h1>Briefing</h1>${code}</body></html>`);
  const frame = await mapFrame(page);
  await expect(frame.getByTestId('window-label')).toHaveText('1 Jan 2024 – 31 Jan 2024');
  expect(await frame.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('autoplay=1 plays once the data is ready, unless the reader prefers reduced motion', async ({
  page,
}) => {
  await openApp(page, '?embed=1&autoplay=1&from=2023-10-17&to=2023-10-20');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByTestId('window-label')).not.toHaveText('17 Oct 2023 – 20 Oct 2023');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?embed=1&autoplay=1&from=2023-10-17&to=2023-10-20');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('window-label')).toHaveText('17 Oct 2023 – 20 Oct 2023');
});
