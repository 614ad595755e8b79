/**
 * Bad data: invalid rows are listed in the load report while the valid ones load, a file that
 * cannot be fetched shows the error panel (with a working Retry) over a usable map, and hostile
 * strings in a data file are shown as text, never run.
 */
import { expect, test } from '@playwright/test';
import {
  dateSpan,
  expectedCounts,
  fixturePath,
  formatIso,
  mapElement,
  openApp,
  readFixture,
  screenPoint,
  serveFixture,
  waitForMapIdle,
  watchProblems,
} from './helpers';

test('a file with invalid rows: the load report lists them, the valid rows load', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await serveFixture(page, 'broken.geojson');
  await openApp(page, '?incidents=fixtures/broken.geojson');

  // broken.geojson: 5 valid features (one without a location) and 4 invalid ones.
  const report = page.getByTestId('load-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('4 rows skipped, 1 warning');
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const expected: [index: number, field: RegExp, reason: RegExp][] = [
    [1, /^date$/, /calendar date/],
    [3, /^type$/, /./],
    [5, /^geometry\.coordinates\.0$/, /longitude out of range/],
    [6, /^geometry$/, /kept: no location/],
    [7, /^id$/, /./],
  ];
  for (const [k, [index, field, reason]] of expected.entries()) {
    const cells = rows.nth(k).locator('td');
    await expect(cells.nth(0)).toHaveText('broken.geojson');
    await expect(cells.nth(1)).toHaveText(String(index));
    await expect(cells.nth(2)).toHaveText(field);
    await expect(cells.nth(3)).toHaveText(reason);
  }

  // The valid rows are counted (the one without a location too), the invalid ones are not.
  const valid = readFixture('broken.geojson').features.filter((f) => f.id?.startsWith('FX0'));
  const { first, last } = dateSpan(valid);
  await expect(page.getByTestId('window-label')).toHaveText(
    `${formatIso(first)} – ${formatIso(last)}`,
  );
  await expect(page.getByTestId('window-counts')).toHaveText(expectedCounts(valid, first, last));
  await expect(page.getByTestId('window-counts')).toHaveText(
    '4 attacks · 1 U.S. strike · 1 U.S. killed · 2 injured',
  );

  // Dismissed, it can be reopened from the header.
  await page.getByRole('button', { name: 'Dismiss load report' }).click();
  await expect(report).toBeHidden();
  await page.getByRole('button', { name: 'Load report (5)' }).click();
  await expect(report).toBeVisible();
  expect(problems.pageErrors).toEqual([]);
});

test('a missing file shows the error panel over a usable map, and Retry loads it', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await serveFixture(page, 'missing.geojson', 404);
  await page.goto('/?incidents=fixtures/missing.geojson');

  const errorPanel = page.getByTestId('error-panel');
  await expect(errorPanel).toBeVisible();
  await expect(errorPanel).toContainText('missing.geojson');
  await expect(errorPanel).toContainText('404');
  // The basemap and the bases are still there.
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');
  await expect(mapElement(page).locator('canvas.maplibregl-canvas')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Bases' })).toBeChecked();

  // The file comes back: Retry loads it and the error panel goes away.
  await page.unroute('**/fixtures/missing.geojson');
  await page.route('**/fixtures/missing.geojson', (route) =>
    route.fulfill({ path: fixturePath('small.geojson'), contentType: 'application/json' }),
  );
  await errorPanel.getByRole('button', { name: 'Retry' }).click();
  await expect(errorPanel).toBeHidden();
  const small = readFixture('small.geojson').features;
  const { first, last } = dateSpan(small);
  await expect(page.getByTestId('window-counts')).toHaveText(expectedCounts(small, first, last));
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');

  expect(problems.pageErrors).toEqual([]);
  // The only console error is the browser's own note about the 404.
  expect(problems.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('hostile strings in a data file are shown as text, never run or linked', async ({ page }) => {
  const problems = await watchProblems(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await serveFixture(page, 'hostile.geojson');
  await openApp(page, '?incidents=fixtures/hostile.geojson&select=incident:HX1');

  const hostile = readFixture('hostile.geojson').features[0]!.properties;
  const panel = page.getByTestId('side-panel');
  await expect(page.locator('#panel-title')).toHaveText(
    `${formatIso(hostile.date)}: ${hostile.target as string}`,
  );
  for (const key of ['description', 'weapon', 'claimed_by'] as const) {
    await expect(panel).toContainText(hostile[key] as string);
  }
  await expect(panel.locator('img, script, svg[onload]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // The javascript: source is dropped (reported as a warning); the https one stays a link.
  await expect(panel.locator('.sources a')).toHaveCount(1);
  await expect(panel.locator('.sources a')).toHaveAttribute(
    'href',
    'https://example.org/report?q=%3Cscript%3E',
  );
  await expect(page.getByRole('button', { name: 'Load report (1)' })).toBeVisible();

  // The map's hover tooltip shows it as text too.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await waitForMapIdle(page);
  const at = readFixture('hostile.geojson').features[0]!.geometry!.coordinates;
  const { x, y } = await screenPoint(page, at);
  await page.mouse.move(x - 20, y - 20);
  await page.mouse.move(x, y, { steps: 4 });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText(hostile.target as string);
  await expect(tooltip.locator('img')).toHaveCount(0);

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
