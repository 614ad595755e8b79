/**
 * Copy link and Cite this view end to end: the copied link, opened in a new page, reproduces the
 * view (window, mode, counts with filters, the open panel, layers, radius, table, camera); the
 * citation names the permalink and today's date.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import { cspViolations, openApp, waitForMapIdle, waitForMapReady, watchProblems } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What a reader of the view sees, read off the page. */
async function viewOf(page: Page) {
  return {
    label: await page.getByTestId('window-label').textContent(),
    mode: await page.locator('input[name="window-mode"]:checked').getAttribute('value'),
    counts: await page.getByTestId('window-counts').textContent(),
    filters: await page.getByTestId('filters-toggle').textContent(),
    panel: await page.locator('#panel-title').textContent(),
    layers: await page
      .locator('.legend input[type="checkbox"], .legend input[type="radio"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    radius: await page.getByLabel('Radius', { exact: true }).inputValue(),
    table: await page.getByTestId('table-toggle').getAttribute('aria-expanded'),
    camera: await page.evaluate(() => {
      const map = window.__incidentMap!.map;
      const c = map.getCenter();
      return { lng: c.lng.toFixed(2), lat: c.lat.toFixed(2), zoom: map.getZoom().toFixed(1) };
    }),
  };
}

test('Copy link puts a link in the clipboard that reproduces the view in a new page', async ({
  page,
  context,
}) => {
  const problems = await watchProblems(page);
  await openApp(
    page,
    '?to=2023-12-31&mode=window&span=30&types=drone,rocket&select=base:ain_al_asad&layers=attacks,strikes,bases&radius=50&table=1',
  );
  await expect(page.locator('#panel-title')).toHaveText('Ain al-Asad Air Base');
  // Move the camera: the link must carry it.
  await page.evaluate(() => window.__incidentMap!.map.jumpTo({ center: [42.1, 34.2], zoom: 6.5 }));
  await waitForMapIdle(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('6.5/34.2/42.1');
  const before = await viewOf(page);
  expect(before.mode).toBe('window');
  expect(before.filters).toContain('1 on');
  expect(before.radius).toBe('50');

  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?/);
  expect(link).toContain('#map=6.5/34.2/42.1');

  const other = await context.newPage();
  await other.goto(link);
  await waitForMapReady(other);
  await expect(other.locator('#panel-title')).toHaveText('Ain al-Asad Air Base');
  expect(await viewOf(other)).toEqual(before);
  expect(await cspViolations(page, problems)).toEqual([]);
});

test('Cite this view: the citation holds the permalink and the access date', async ({ page }) => {
  await openApp(page, '?from=2024-01-01&to=2024-02-05&casualties=1');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Cite this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite this view' });
  await expect(dialog).toBeVisible();
  const text = await dialog.getByLabel('Citation', { exact: true }).inputValue();
  const today = new Date().toISOString().slice(0, 10);
  expect(text).toMatch(/^Attacks on U\.S\. and coalition forces/);
  expect(text).toContain('View: 1 Jan 2024 – 5 Feb 2024, filters: With U.S. casualties.');
  expect(text).toContain(`(${today})`);
  const link = text.slice(text.lastIndexOf(' ') + 1);
  expect(new URL(link).searchParams.get('casualties')).toBe('1');
  expect(link).toContain('#map=');
  const bib = await dialog.getByLabel('BibTeX', { exact: true }).inputValue();
  expect(bib).toContain(`urldate = {${today}}`);
  expect(bib).toContain('casualties=1');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  await dialog.getByRole('button', { name: 'Copy citation' }).click();
  await expect(dialog.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a link copied during a story reopens the step, with the camera of the link', async ({
  page,
  context,
}) => {
  await openApp(page, '?story=campaign&step=4');
  await expect(page.getByTestId('story-counter')).toHaveText('Step 4 of 6');
  await waitForMapIdle(page);
  await page.evaluate(() => window.__incidentMap!.map.jumpTo({ center: [41.3, 34.9], zoom: 8 }));
  await waitForMapIdle(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('story=campaign&step=4');

  const other = await context.newPage();
  await other.goto(link);
  await waitForMapReady(other);
  await expect(other.getByTestId('story-counter')).toHaveText('Step 4 of 6');
  await expect(other.getByTestId('window-label')).toHaveText('2 Feb 2024');
  const camera = await other.evaluate(() => {
    const map = window.__incidentMap!.map;
    return [map.getCenter().lng, map.getCenter().lat, map.getZoom()].map((v) => v.toFixed(1));
  });
  expect(camera).toEqual(['41.3', '34.9', '8.0']);
});
