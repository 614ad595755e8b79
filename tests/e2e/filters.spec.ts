/**
 * Filters, the incident table and exports in a real browser: a filter in the URL changes the
 * counts and what the map draws; the panel writes filters to the URL; the table selects on the
 * map and follows map selections; the CSV export of a filtered window holds exactly the expected
 * rows with a permalink that reproduces them; a phone-sized screen stays usable.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import Papa from 'papaparse';
import {
  COLORS,
  countColorPixels,
  expectedCounts,
  type Feature,
  openApp,
  readData,
  urlParam,
  waitForMapIdle,
  watchProblems,
} from './helpers';

const incidents = readData('incidents.geojson').features;
const counts = (page: Page) => page.getByTestId('window-counts');
const tableRows = (page: Page) => page.locator('[data-testid="incident-table"] tbody tr[data-id]');
const ofTypes = (types: string[]) => (f: Feature) => types.includes(f.properties.type);
const inWindow = (from: string, to: string) => (f: Feature) =>
  f.properties.date >= from && f.properties.date <= to;

const FIRST = incidents.map((f) => f.properties.date).sort()[0]!;
const LAST = incidents
  .map((f) => f.properties.date)
  .sort()
  .at(-1)!;

test('a type filter in the URL changes the counts and the points drawn', async ({ page }) => {
  const problems = await watchProblems(page);
  await openApp(page, '?types=us_strike');
  const strikes = incidents.filter(ofTypes(['us_strike']));
  await expect(counts(page)).toHaveText(expectedCounts(strikes, FIRST, LAST));
  await expect(counts(page)).toContainText(`0 attacks · ${strikes.length} U.S. strikes`);
  await expect(page.getByTestId('filter-summary')).toContainText('Type: U.S. strike');
  await expect(page.getByTestId('filters-toggle')).toHaveText('Filters (1 on)');
  // Only strike points are drawn; attacks are filtered out on the GPU.
  await expect.poll(() => countColorPixels(page, [COLORS.us_strike], 12)).toBeGreaterThan(20);
  expect(await countColorPixels(page, [COLORS.drone, COLORS.rocket], 12)).toBeLessThan(10);

  // Another type in the URL, another count.
  await openApp(page, '?types=drone,rocket&from=2024-01-01&to=2024-01-31');
  const attacks = incidents.filter(ofTypes(['drone', 'rocket']));
  await expect(counts(page)).toHaveText(expectedCounts(attacks, '2024-01-01', '2024-01-31'));
  await expect.poll(() => countColorPixels(page, [COLORS.drone], 12)).toBeGreaterThan(20);
  expect(await countColorPixels(page, [COLORS.us_strike], 12)).toBeLessThan(10);
  expect(problems.pageErrors).toEqual([]);
});

test('the filters panel writes the filters to the URL; Clear all removes them', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('filters-toggle').click();
  const panel = page.getByTestId('filters-panel');
  await panel
    .getByRole('group', { name: /Type/ })
    .getByRole('checkbox', { name: /Rocket/ })
    .check();
  await panel
    .getByRole('group', { name: /Confidence/ })
    .getByRole('checkbox', { name: 'high' })
    .check();
  const kept = incidents.filter(
    (f) => f.properties.type === 'rocket' && f.properties.confidence === 'high',
  );
  await expect(counts(page)).toHaveText(expectedCounts(kept, FIRST, LAST));
  await expect.poll(() => urlParam(page, 'types')).toBe('rocket');
  await expect.poll(() => urlParam(page, 'confidence')).toBe('high');

  // The text search: the target, the claim or the description.
  await panel.getByRole('searchbox', { name: 'Search' }).fill('Tower 22');
  const tower = (f: Feature) =>
    ['target', 'claimed_by', 'claimed_by_group', 'description'].some((k) =>
      String(f.properties[k] ?? '')
        .toLowerCase()
        .includes('tower 22'),
    );
  await expect.poll(() => urlParam(page, 'q')).toBe('Tower 22');
  await expect(counts(page)).toHaveText(expectedCounts(kept.filter(tower), FIRST, LAST));

  await panel.getByRole('button', { name: 'Clear all' }).click();
  await expect(counts(page)).toHaveText(expectedCounts(incidents, FIRST, LAST));
  await expect.poll(() => urlParam(page, 'types')).toBeNull();
  await expect.poll(() => urlParam(page, 'q')).toBeNull();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('the table selects on the map, and a map selection highlights its row', async ({ page }) => {
  await openApp(page, '?table=1&types=us_strike&from=2024-02-02&to=2024-02-03');
  const expected = incidents
    .filter(ofTypes(['us_strike']))
    .filter(inWindow('2024-02-02', '2024-02-03'));
  await expect(tableRows(page)).toHaveCount(expected.length);
  const header = page.getByRole('columnheader', { name: /Date/ });
  await expect(header).toHaveAttribute('aria-sort', 'ascending');

  const located = expected.filter((f) => f.geometry);
  expect(located.length).toBeGreaterThan(1);
  const pick = located[1]!;
  await page.locator(`tr[data-id="${pick.properties.id}"]`).click();
  await expect.poll(() => urlParam(page, 'select')).toBe(`incident:${pick.properties.id}`);
  await expect(page.locator('#panel-title')).toContainText(String(pick.properties.target));
  await expect(page.locator(`tr[data-id="${pick.properties.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );
  // The map flew to it: zoomed in, the point in the middle of the map left of the panel.
  await waitForMapIdle(page);
  const view = await page.evaluate(
    (ll) => {
      const map = window.__incidentMap!.map;
      const p = map.project(ll);
      const panel = document.querySelector('[data-testid="side-panel"]')!.clientWidth;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      return { zoom: map.getZoom(), dx: p.x - (w - panel) / 2, dy: p.y - h / 2 };
    },
    pick.geometry!.coordinates as [number, number],
  );
  expect(view.zoom).toBeGreaterThanOrEqual(6);
  expect(Math.abs(view.dx)).toBeLessThan(20);
  expect(Math.abs(view.dy)).toBeLessThan(20);

  // Another selection (as a map click makes it): its row is highlighted.
  const other = located[0]!;
  await page.evaluate(
    (id) =>
      (
        window as unknown as {
          __incidentMap: { adapter: { store: { getState(): { select(s: unknown): void } } } };
        }
      ).__incidentMap.adapter.store
        .getState()
        .select({ kind: 'incident', id }),
    other.properties.id,
  );
  await expect(page.locator(`tr[data-id="${other.properties.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page.locator(`tr[data-id="${pick.properties.id}"]`)).not.toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('the CSV export of a filtered window has the expected rows and a permalink', async ({
  page,
}) => {
  const from = '2024-01-01';
  const to = '2024-01-31';
  await openApp(page, `?from=${from}&to=${to}&types=drone,rocket&table=1`);
  const expected = incidents.filter(ofTypes(['drone', 'rocket'])).filter(inWindow(from, to));
  expect(expected.length).toBeGreaterThan(5);
  await expect(tableRows(page).first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`incidents-${from}-to-${to}.csv`);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.split('\r\n');
  expect(lines).toContain(`# Window: ${from} to ${to} (both days included, UTC)`);
  expect(lines).toContain('# Filters: types=drone,rocket');
  expect(lines).toContain(`# Incidents: ${expected.length}`);
  const records = Papa.parse<Record<string, string>>(
    lines.filter((l) => !l.startsWith('#')).join('\n'),
    { header: true, skipEmptyLines: true },
  ).data;
  // The file is sorted by date then id, the table by date keeping file order: the same order.
  expect(records.map((r) => r.id)).toEqual(expected.map((f) => f.properties.id));
  expect(records.every((r) => ['drone', 'rocket'].includes(r.type!))).toBe(true);
  const first = expected[0]!.properties;
  expect(records[0]).toMatchObject({ date: first.date, type: first.type, target: first.target });

  // The permalink reopens the same rows.
  const link = lines.find((l) => l.startsWith('# Permalink: '))!.slice('# Permalink: '.length);
  const url = new URL(link);
  expect(url.searchParams.get('types')).toBe('drone,rocket');
  await openApp(page, url.search);
  await expect(page.getByTestId('table-count')).toHaveText(
    new RegExp(`^${expected.length} incidents in .*, filtered$`),
  );
});

test('on a phone the table covers the map and fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page, '?table=1&countries=Syria');
  await expect(tableRows(page).first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  // The table scrolls sideways inside its own box.
  const box = await page.getByTestId('table-scroll').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
  await tableRows(page).first().click();
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await page.getByTestId('table-toggle').click();
  await expect(page.getByTestId('table-drawer')).toBeHidden();
  await expect.poll(() => urlParam(page, 'table')).toBeNull();
});

test('the filters panel and the table have no serious or critical accessibility violations', async ({
  page,
}) => {
  await openApp(page, '?table=1&types=drone&select=incident:INC008');
  await page.getByTestId('filters-toggle').click();
  await expect(page.getByTestId('filters-panel')).toBeVisible();
  await expect(tableRows(page).first()).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('[data-testid="filters-panel"]')
    .include('[data-testid="table-drawer"]')
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${v.help}`));
  expect(serious).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(5);
});
