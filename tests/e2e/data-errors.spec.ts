/**
 * Bad data: invalid rows are listed in the load report (downloadable as CSV) while the valid ones
 * load, a file that cannot be fetched (404, timeout, an HTML page) shows the error panel naming
 * the file and the cause (with a working Retry) over a usable map, and hostile strings in a data
 * file are shown as text, never run. Every test also fails on a CSP violation.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import {
  cspViolations,
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
  type Problems,
} from './helpers';

/** No page error and no CSP violation happened. */
async function expectClean(page: Page, problems: Problems): Promise<void> {
  expect(problems.pageErrors).toEqual([]);
  expect(await cspViolations(page, problems)).toEqual([]);
}

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

  // The report downloads as CSV, one line per problem.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('load-report.csv');
  const csv = readFileSync((await download.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  const lines = csv.split(/\r\n/);
  expect(lines[0]).toBe('file,index,field,severity,reason');
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
    'broken.geojson,1,date,error',
    'broken.geojson,3,type,error',
    'broken.geojson,5,geometry.coordinates.0,error',
    'broken.geojson,6,geometry,warning',
    'broken.geojson,7,id,error',
  ]);
  await expectClean(page, problems);
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

  await expectClean(page, problems);
  // The only console error is the browser's own note about the 404.
  expect(problems.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('a data URL answered with an HTML page names the file and the cause, with Retry', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  // A static host that answers missing files with its home page (status 200, text/html).
  await page.route('**/fixtures/moved.geojson', (route) =>
    route.fulfill({ path: fixturePath('not-json.html'), contentType: 'text/html' }),
  );
  await serveFixture(page, 'small.geojson');
  await page.goto('/?incidents=fixtures/moved.geojson&bases=fixtures/moved.geojson');

  const errorPanel = page.getByTestId('error-panel');
  await expect(errorPanel).toBeVisible();
  const items = errorPanel.locator('li');
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) {
    await expect(item).toContainText(
      'moved.geojson returned an HTML page, not JSON (its title is "Page not found"',
    );
  }
  await expect(errorPanel.getByRole('button', { name: 'Retry' })).toBeEnabled();
  // The basemap still works; the page's script was never run.
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expectClean(page, problems);
});

test('a data URL on a site that does not allow CORS names the file and the cause; Retry loads it once allowed', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const url = 'https://data.example/feeds/incidents.geojson';
  let allowed = false;
  // Another https site (connect-src allows it) that lets only some other site read the file.
  // (A fulfilled response with no Access-Control-Allow-Origin at all would get one from
  // Playwright, which adds it to cross-origin answers: microsoft/playwright#12929.)
  await page.route(url, (route) =>
    route.fulfill({
      path: fixturePath('small.geojson'),
      contentType: 'application/json',
      headers: {
        'Access-Control-Allow-Origin': allowed ? '*' : 'https://another-briefing.example',
      },
    }),
  );
  await page.goto(`/?incidents=${encodeURIComponent(url)}`);

  const errorPanel = page.getByTestId('error-panel');
  await expect(errorPanel.locator('li')).toHaveText(
    /^incidents\.geojson could not be fetched: the network failed, or the other site does not allow this page to read the file \(CORS: it must send Access-Control-Allow-Origin\)/,
  );
  await expect(errorPanel.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(page.getByTestId('source-banner')).toHaveText(`Showing incidents from ${url}.`);
  // The basemap and the bases still load.
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');
  await expect(page.getByRole('checkbox', { name: 'Bases' })).toBeChecked();

  // The site now allows this page: Retry loads the file.
  allowed = true;
  await errorPanel.getByRole('button', { name: 'Retry' }).click();
  await expect(errorPanel).toBeHidden();
  const small = readFixture('small.geojson').features;
  const { first, last } = dateSpan(small);
  await expect(page.getByTestId('window-counts')).toHaveText(expectedCounts(small, first, last));
  await expectClean(page, problems);
  // The only console errors are the browser's own notes about the refused read.
  expect(problems.consoleErrors.filter((e) => !/CORS|Failed to load resource/.test(e))).toEqual([]);
});

test('a data URL that does not answer times out after 15 s with Retry; the rest still loads', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = await watchProblems(page);
  const hanging: { abort(): Promise<void> }[] = [];
  // Never answered (the route is held open until the test ends).
  await page.route('**/fixtures/slow.geojson', (route) => {
    hanging.push(route);
  });
  await page.goto('/?incidents=fixtures/slow.geojson');

  const errorPanel = page.getByTestId('error-panel');
  await expect(errorPanel).toContainText('slow.geojson did not answer within 15 s (timed out)', {
    timeout: 45_000,
  });
  await expect(errorPanel.getByRole('button', { name: 'Retry' })).toBeEnabled();
  // The basemap and the bases loaded meanwhile.
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');
  await expect(page.getByRole('checkbox', { name: 'Bases' })).toBeChecked();
  await expectClean(page, problems);
  for (const route of hanging) await route.abort().catch(() => {});
});

test('hostile strings in every text field of a data file are shown as text, never run or linked', async ({
  page,
}) => {
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
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
  await expect(panel.locator('.sources a')).toHaveCount(1);
  await expect(panel.locator('.sources a')).toHaveAttribute(
    'href',
    'https://example.org/report?q=%3Cscript%3E',
  );
  // The row with a javascript: source is skipped, and the report says so, as text.
  await expect(page.getByRole('button', { name: 'Load report (1)' })).toBeVisible();
  const report = page.getByTestId('load-report');
  await expect(report).toContainText('not an http(s) link: "javascript:window.__pwned=20"');
  await expect(report.locator('a')).toHaveCount(0);

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

  // The feature whose id itself is markup opens as text too.
  const marked = readFixture('hostile.geojson').features[3]!.properties;
  await page.goto(
    `/?incidents=fixtures/hostile.geojson&select=${encodeURIComponent(`incident:${marked.id}`)}`,
  );
  await expect(page.locator('#panel-title')).toContainText(marked.target as string);
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expectClean(page, problems);
});
