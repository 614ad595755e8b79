/**
 * Importing your own data: a CSV through the file picker and an ACLED export dropped on the page
 * (a synthetic drop with a DataTransfer built in the page) replace the incidents on the map; a CSV
 * whose latitude column is not recognised is mapped by hand and added beside the default data; a
 * broken GeoJSON is refused with its problems and changes nothing. The banner names the file, the
 * title never presents other data as the default, and the open dialog passes axe.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import {
  COLORS,
  countColorPixels,
  cspViolations,
  dateSpan,
  expectedCounts,
  fixturePath,
  mapElement,
  openApp,
  readData,
  screenPoint,
  serveFixture,
  waitForMapIdle,
  waitForMapReady,
  watchProblems,
  type Feature,
  type LngLat,
  type Problems,
} from './helpers';

const ATTACK_COLORS = [COLORS.drone, COLORS.rocket, COLORS.missile, COLORS.mixed];
const DEFAULT_TITLE = JSON.parse(
  readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8'),
).title as string;

const counts = (page: Page) => page.getByTestId('window-counts');
const banner = (page: Page) => page.getByTestId('source-banner');
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import data' });

async function expectClean(page: Page, problems: Problems): Promise<void> {
  expect(problems.pageErrors).toEqual([]);
  expect(await cspViolations(page, problems)).toEqual([]);
}

/** Opens the Import dialog from the header and chooses a fixture with the file picker. */
async function pickFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog(page).getByLabel('Choose a file').setInputFiles(fixturePath(name));
  await expect(dialog(page)).toContainText(`File: ${name}`);
}

/** Drags a fixture over the page and drops it, as a file manager would (events built in the page). */
async function dropFile(page: Page, name: string, type: string): Promise<void> {
  const text = readFileSync(fixturePath(name), 'utf8');
  await page.evaluate(
    ({ text, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      const target = document.querySelector('[data-testid="map"]')!;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true }));
      (window as unknown as { __dt: DataTransfer }).__dt = dt;
    },
    { text, name, type },
  );
  await expect(page.getByTestId('drop-overlay')).toHaveText('Drop to import');
  await page.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    document
      .querySelector('[data-testid="map"]')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(dialog(page)).toContainText(`File: ${name}`);
}

/** Runs the import and waits for the new data on the map. */
async function runImport(page: Page): Promise<void> {
  await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await waitForMapReady(page);
}

/** Pixels of `colors` in a 16 × 16 box around a coordinate on the map. */
async function pixelsNear(
  page: Page,
  lngLat: LngLat,
  colors: readonly (readonly [number, number, number])[],
): Promise<number> {
  await waitForMapIdle(page);
  const { x, y } = await screenPoint(page, lngLat);
  const png = await page.screenshot({ clip: { x: x - 8, y: y - 8, width: 16, height: 16 } });
  return page.evaluate(
    async ({ b64, colors }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          colors.some(
            ([r, g, b]) =>
              Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <
              60,
          )
        )
          n++;
      }
      return n;
    },
    { b64: png.toString('base64'), colors: colors.map((c) => [...c]) },
  );
}

test('a CSV from the file picker replaces the incidents: points, counts, title, banner, report', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page);
  await expect(banner(page)).toHaveCount(0);
  await pickFile(page, 'import-baghdad.csv');
  await expect(dialog(page)).toContainText('Detected: CSV, separated by comma, 10 columns.');
  await expect(dialog(page).getByRole('combobox', { name: 'Latitude (required)' })).toHaveValue(
    'latitude',
  );
  await runImport(page);

  await expect(banner(page)).toHaveText(
    'Showing data from import-baghdad.csv (local file, not shared by links).',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Imported data — import-baghdad.csv',
  );
  await expect(counts(page)).toHaveText('3 attacks · 1 U.S. strike · 0 U.S. killed · 2 injured');
  await expect(page.getByTestId('window-label')).toHaveText('5 Jan 2024 – 28 Jan 2024');
  // The row with a bad latitude is in the load report, with its row number and column.
  const report = page.getByTestId('load-report');
  await expect(report).toContainText('1 row skipped');
  await expect(report.locator('tr.error')).toContainText(/import-baghdad\.csv\s*6\s*latitude/);
  await page.getByRole('button', { name: 'Dismiss load report' }).click();

  // The map fitted the file's points and draws them in their colours.
  await expect.poll(() => pixelsNear(page, [44.52, 33.405], [COLORS.rocket])).toBeGreaterThan(10);
  await expect.poll(() => pixelsNear(page, [44.1, 33.18], [COLORS.us_strike])).toBeGreaterThan(10);
  await expectClean(page, problems);
});

test('an ACLED export dropped on the page loads with its event types mapped', async ({ page }) => {
  const problems = await watchProblems(page);
  await openApp(page);
  await dropFile(page, 'import-acled.csv', 'text/csv');
  await expect(dialog(page)).toContainText('Detected: ACLED export');
  await expect(dialog(page).getByRole('combobox', { name: 'Date (required)' })).toHaveValue(
    'event_date',
  );
  await runImport(page);

  await expect(banner(page)).toContainText('Showing data from import-acled.csv');
  // "31 January 2024" is read as a date; a U.S. actor makes a strike.
  await expect(page.getByTestId('window-label')).toHaveText('4 Jan 2024 – 31 Jan 2024');
  await expect(counts(page)).toHaveText('2 attacks · 1 U.S. strike · 0 U.S. killed · 0 injured');
  await page.getByTestId('table-toggle').click();
  const rows = page.getByTestId('table-drawer').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Ain al-Asad' })).toContainText('Rocket');
  await expect(rows.filter({ hasText: 'Al Tanf' })).toContainText('Drone');
  await expect(rows.filter({ hasText: 'Baghdad' })).toContainText('U.S. strike');
  // ACLED's `source` names an outlet: the panel lists it as text, not as a link.
  await rows.filter({ hasText: 'Baghdad' }).click();
  const sources = page.getByTestId('side-panel').locator('ul.sources');
  await expect(sources).toHaveText('CENTCOM (no link)');
  await expect(sources.locator('a')).toHaveCount(0);
  await expectClean(page, problems);
});

test('a CSV without a recognised latitude: the field is flagged, mapping it adds the rows', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page);
  await pickFile(page, 'import-no-lat.csv');
  const latitude = dialog(page).getByRole('combobox', { name: 'Latitude (required)' });
  await expect(latitude).toHaveValue('');
  await expect(latitude).toHaveAttribute('aria-invalid', 'true');
  await expect(latitude).toHaveAccessibleDescription(/Missing: no column found/);
  const importButton = dialog(page).getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(dialog(page)).toContainText('Choose a column for latitude.');

  await latitude.selectOption('north');
  await expect(latitude).not.toHaveAttribute('aria-invalid', 'true');
  await dialog(page)
    .getByRole('radio', { name: /Add them beside/ })
    .check();
  await runImport(page);

  await expect(banner(page)).toHaveText(
    'Default data plus import-no-lat.csv (local file, not shared by links).',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Imported data — ${DEFAULT_TITLE} plus import-no-lat.csv`,
  );
  const features: Feature[] = readData('incidents.geojson').features;
  const span = dateSpan(features);
  const added = ['2024-01-08', '2024-01-15', '2024-01-22'].map(
    (date, i) =>
      ({ geometry: null, properties: { id: `NL-${i}`, date, type: 'rocket' } }) as Feature,
  );
  await expect(counts(page)).toHaveText(
    expectedCounts([...features, ...added], span.first, span.last),
  );
  await expectClean(page, problems);
});

test('a dropped broken GeoJSON is refused with its problems; the previous data stays', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page);
  const before = await counts(page).textContent();
  const pixels = await countColorPixels(page, ATTACK_COLORS);
  expect(pixels).toBeGreaterThan(100);

  await dropFile(page, 'import-broken.geojson', 'application/geo+json');
  await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  const error = dialog(page).getByRole('alert');
  await expect(error).toContainText(
    'Not imported. import-broken.geojson has no valid incidents: 3 problems found (listed below). The map still shows the previous data.',
  );
  const rows = error.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('calendar date');
  await expect(rows.nth(1)).toContainText('longitude out of range');
  await expect(rows.nth(2)).toContainText('catapult');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused();

  await expect(counts(page)).toHaveText(before!);
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEFAULT_TITLE);
  expect(await countColorPixels(page, ATTACK_COLORS)).toBeGreaterThan(pixels * 0.9);
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true');
  await expectClean(page, problems);
});

test('hostile file names and cells are shown as text; the open dialog passes axe', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page);
  const name = '<img src=x onerror="window.__pwned=1">.csv';
  const csv =
    'id,date,type,latitude,longitude,target\n' +
    'H1,2024-01-10,rocket,33.3,44.4,"<img src=x onerror=""window.__pwned=2"">"\n';
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog(page)
    .getByLabel('Choose a file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog(page)).toContainText(`File: ${name}`);
  await expect(dialog(page).getByRole('region', { name: `First rows of ${name}` })).toContainText(
    '<img src=x onerror="window.__pwned=2">',
  );

  const results = await new AxeBuilder({ page }).include('[data-testid="import-dialog"]').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${v.help}`));
  expect(serious).toEqual([]);

  await runImport(page);
  await expect(banner(page)).toContainText(`Showing data from ${name}`);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expectClean(page, problems);
});

test('data from an incidents= URL is named in the banner, with no default title', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await serveFixture(page, 'small.geojson');
  await openApp(page, '?incidents=fixtures/small.geojson');
  await expect(banner(page)).toHaveText('Showing incidents from fixtures/small.geojson.');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(DEFAULT_TITLE);
  await expectClean(page, problems);
});

test('Retry after a failed bases file loads the bases and keeps the imported file', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await page.route('**/data/bases.geojson', (route) =>
    route.fulfill({ status: 503, contentType: 'text/plain', body: 'Unavailable' }),
  );
  await openApp(page);
  const errorPanel = page.getByTestId('error-panel');
  await expect(errorPanel).toContainText('bases.geojson');
  const baseCount = () =>
    page.evaluate(async () => {
      const source = window.__incidentMap!.map.getSource('bases') as unknown as {
        getData(): Promise<{ features: unknown[] }>;
      };
      return (await source.getData()).features.length;
    });
  expect(await baseCount()).toBe(0);

  await pickFile(page, 'import-baghdad.csv');
  await runImport(page);
  const imported = '3 attacks · 1 U.S. strike · 0 U.S. killed · 2 injured';
  await expect(counts(page)).toHaveText(imported);

  // The bases file comes back: Retry fetches it alone; the imported incidents stay.
  await page.unroute('**/data/bases.geojson');
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await errorPanel.getByRole('button', { name: 'Retry' }).click();
  await expect(errorPanel).toBeHidden();
  await expect.poll(baseCount).toBe(readData('bases.geojson').features.length);
  expect(fetched.filter((p) => p.includes('/data/'))).toEqual(['/data/bases.geojson']);
  await expect(counts(page)).toHaveText(imported);
  await expect(page.getByTestId('window-label')).toHaveText('5 Jan 2024 – 28 Jan 2024');
  await expect(banner(page)).toHaveText(
    'Showing data from import-baghdad.csv (local file, not shared by links).',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Imported data — import-baghdad.csv',
  );
  await expectClean(page, problems);
});
