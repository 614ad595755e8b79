/**
 * Panels: clicking the map opens what is under the pointer (a chooser when several things are
 * stacked there), `select=` opens a panel on load, and panels link to each other. Base analysis:
 * attacks within a radius, range rings, the base ranking, the country panel and "as of" marks.
 */
import { expect, test, type Page } from './test';
import {
  baseLngLat,
  baseName,
  clickMapAt,
  countColorPixels,
  formatIso,
  openApp,
  readData,
  urlParam,
  waitForMapReady,
  watchProblems,
} from './helpers';

const incidents = readData('incidents.geojson').features;
const title = (page: Page) => page.locator('#panel-title');
const panel = (page: Page) => page.getByTestId('side-panel');
const chooser = (page: Page) => page.getByTestId('chooser');

/** Incidents drawn exactly at a coordinate. */
const incidentsAt = ([lng, lat]: [number, number]) =>
  incidents.filter((f) => f.geometry?.coordinates[0] === lng && f.geometry.coordinates[1] === lat);

test('clicking a base offers it with the incidents stacked on it, and opens its panel', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page);
  const point = baseLngLat('ain_al_asad');
  const stacked = incidentsAt(point);
  expect(stacked.length).toBeGreaterThan(1);

  await clickMapAt(page, point);
  await expect(chooser(page)).toBeVisible();
  const baseItem = chooser(page).locator('.chooser-base');
  await expect(baseItem).toHaveCount(1);
  await expect(baseItem).toHaveText(`Base: ${baseName('ain_al_asad')}`);
  await expect(chooser(page).locator('.chooser-incident')).toHaveCount(stacked.length);

  await baseItem.click();
  await expect(chooser(page)).toBeHidden();
  await expect(title(page)).toHaveText('Ain al-Asad Air Base');
  const attacks = incidents.filter(
    (f) => f.properties.base_id === 'ain_al_asad' && f.properties.type !== 'us_strike',
  ).length;
  await expect(page.getByTestId('base-attack-count')).toContainText(`${attacks} attacks`);
  await expect.poll(() => urlParam(page, 'select')).toBe('base:ain_al_asad');
  expect(problems.pageErrors).toEqual([]);
});

test('clicking a lone incident opens its panel directly', async ({ page }) => {
  await openApp(page);
  // A U.S. strike near Kirkuk: no other incident and no base on its point.
  const strike = incidents.find((f) => f.properties.id === 'INC048')!;
  expect(incidentsAt(strike.geometry!.coordinates)).toHaveLength(1);

  await clickMapAt(page, strike.geometry!.coordinates);
  await expect(title(page)).toHaveText(
    `${formatIso(strike.properties.date)}: ${strike.properties.target}`,
  );
  await expect(chooser(page)).toHaveCount(0);
  await expect.poll(() => urlParam(page, 'select')).toBe('incident:INC048');
});

test('incidents are clickable right after load even when the data was ready before the map layers', async ({
  page,
}) => {
  // Hold the basemap file until the data is loaded, so the map's layers (and deck.gl) start after
  // the data: the camera fit then happens before deck.gl follows the camera, which once left
  // picking on a stale viewport (clicks and hovers found no incident until the map was moved).
  await page.route('**/assets/50m-*.json', async (route) => {
    await page.getByTestId('window-label').waitFor();
    await route.continue();
  });
  await openApp(page);
  const strike = incidents.find((f) => f.properties.id === 'INC048')!;
  await clickMapAt(page, strike.geometry!.coordinates);
  await expect(title(page)).toHaveText(
    `${formatIso(strike.properties.date)}: ${strike.properties.target}`,
  );
});

test('select=base:… opens that panel on load and Escape closes it', async ({ page }) => {
  await openApp(page, '?select=base:tower_22');
  await expect(panel(page)).toBeVisible();
  await expect(title(page)).toHaveText('Tower 22');
  await expect(page.getByTestId('base-attack-count')).toContainText('3 U.S. killed');

  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect.poll(() => urlParam(page, 'select')).toBeNull();
});

test("an incident in a base panel's list opens the incident panel", async ({ page }) => {
  await openApp(page, '?select=base:tower_22');
  await expect(title(page)).toHaveText('Tower 22');
  const listed = incidents.filter((f) => f.properties.base_id === 'tower_22');
  const items = panel(page).locator('.incident-list button');
  await expect(items).toHaveCount(listed.length);

  const tower22 = listed.find((f) => f.properties.date === '2024-01-28')!;
  await items.filter({ hasText: formatIso('2024-01-28') }).click();
  await expect(title(page)).toHaveText(`28 Jan 2024: ${tower22.properties.target}`);
  await expect(panel(page)).toContainText('3 killed, 40 injured');
  await expect.poll(() => urlParam(page, 'select')).toBe(`incident:${tower22.properties.id}`);

  await page.getByRole('button', { name: 'Close panel' }).click();
  await expect(panel(page)).toBeHidden();
});

test('co-located bases are both offered by a click on their shared point', async ({ page }) => {
  await openApp(page);
  const point = baseLngLat('qasrak');
  expect(baseLngLat('tal_baydar')).toEqual(point);

  await clickMapAt(page, point);
  const bases = chooser(page).locator('.chooser-base');
  await expect(bases).toHaveCount(2);
  expect((await bases.allInnerTexts()).sort()).toEqual(
    [`Base: ${baseName('qasrak')}`, `Base: ${baseName('tal_baydar')}`].sort(),
  );
  await expect(chooser(page).locator('.chooser-incident')).toHaveCount(incidentsAt(point).length);

  await bases.filter({ hasText: baseName('qasrak') }).click();
  await expect(title(page)).toHaveText(baseName('qasrak'));
  // Its panel says it shares the point and links to the other base; the nearest bases name it as
  // on the same map point, not "0 km" away.
  await expect(page.getByTestId('nearest-bases').locator('li').first()).toHaveText(
    `${baseName('tal_baydar')}same map point (a shared proxy location)`,
  );
  await panel(page)
    .getByText(/Shares its map point with/)
    .getByRole('button', { name: baseName('tal_baydar') })
    .click();
  await expect(title(page)).toHaveText(baseName('tal_baydar'));
});

// ---------------------------------------------------------------------------------------------
// Base analysis and force levels

/** Great-circle distance in km (haversine, the Earth radius Turf uses). */
function km([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const inJanuary = (f: (typeof incidents)[number]) =>
  f.properties.date >= '2024-01-01' && f.properties.date <= '2024-01-31';
const isAttack = (f: (typeof incidents)[number]) => f.properties.type !== 'us_strike';

test("Ain al-Asad's panel shows its attacks in January 2024 and the Iraq figure of 2,500", async ({
  page,
}) => {
  const problems = await watchProblems(page);
  await openApp(page, '?select=base:ain_al_asad&from=2024-01-01&to=2024-01-31');
  await expect(title(page)).toHaveText('Ain al-Asad Air Base');
  const tagged = incidents.filter(
    (f) => inJanuary(f) && isAttack(f) && f.properties.base_id === 'ain_al_asad',
  );
  expect(tagged.length).toBeGreaterThan(0);
  await expect(page.getByTestId('base-attack-count')).toContainText(
    `${tagged.length} attack${tagged.length === 1 ? '' : 's'} on this base`,
  );
  await expect(panel(page).locator('.incident-list button')).toHaveCount(tagged.length);
  for (const f of tagged) {
    await expect(panel(page).locator('.incident-list')).toContainText(formatIso(f.properties.date));
  }
  await expect(page.getByTestId('country-troops')).toContainText('2,500 U.S. troops');

  // Within 25 km: every attack recorded that close, whatever base it is tagged with.
  const base = baseLngLat('ain_al_asad');
  const near = (r: number) =>
    incidents.filter(
      (f) => inJanuary(f) && isAttack(f) && f.geometry && km(base, f.geometry.coordinates) <= r,
    );
  await expect(page.getByTestId('near-count')).toContainText(`${near(25).length} attacks`);
  await panel(page).getByRole('combobox', { name: 'Radius' }).selectOption('100');
  await expect(page.getByTestId('near-count')).toContainText(`${near(100).length} attacks`);
  await expect.poll(() => urlParam(page, 'radius')).toBe('100');
  await expect(page.getByTestId('sparkline').getByRole('img')).toBeVisible();
  expect(problems.pageErrors).toEqual([]);
});

test('range rings are drawn around the selected base, labelled, each switched on its own', async ({
  page,
}) => {
  // An older link: rings=1 still means the radius ring and every reach ring.
  await openApp(page, '?select=base:tower_22&rings=1&radius=50');
  const ringsOnMap = () =>
    page.evaluate(() => {
      const map = window.__incidentMap!.map;
      const kms = map
        .querySourceFeatures('range-rings')
        .map((f) => `${f.properties.kind}:${f.properties.km}`);
      return [...new Set(kms)].sort();
    });
  await expect.poll(ringsOnMap).toEqual(['radius:50', 'reach:100', 'reach:300', 'reach:500']);
  // The 50 km ring is on screen in its colour (#0b5cad).
  expect(await countColorPixels(page, [[11, 92, 173]], 20)).toBeGreaterThan(200);
  const labels = await page.evaluate(() =>
    window
      .__incidentMap!.map.queryRenderedFeatures({ layers: ['range-ring-label'] })
      .map((f) => f.properties.label),
  );
  expect(labels).toContain('50 km');

  const group = panel(page).getByRole('group', { name: 'Range rings' });
  const box = (name: string) => group.getByRole('checkbox', { name, exact: true });
  for (const name of ['50 km radius', '100 km', '300 km', '500 km'])
    await expect(box(name)).toBeChecked();

  // One reach ring off: the others stay, and the URL lists them.
  await box('300 km').uncheck();
  await expect.poll(ringsOnMap).toEqual(['radius:50', 'reach:100', 'reach:500']);
  await expect.poll(() => urlParam(page, 'rings')).toBe('radius,100,500');
  // The radius ring off: only the reach rings.
  await box('50 km radius').uncheck();
  await expect.poll(ringsOnMap).toEqual(['reach:100', 'reach:500']);
  await expect.poll(() => urlParam(page, 'rings')).toBe('100,500');
  // Everything off: no rings, no key.
  await box('100 km').uncheck();
  await box('500 km').uncheck();
  await expect.poll(ringsOnMap).toEqual([]);
  await expect.poll(() => urlParam(page, 'rings')).toBeNull();
  // The radius ring alone follows the radius.
  await box('50 km radius').check();
  await panel(page).getByRole('combobox', { name: 'Radius' }).selectOption('10');
  await expect.poll(ringsOnMap).toEqual(['radius:10']);
  await expect(box('10 km radius')).toBeChecked();

  // A link with a list of rings reopens exactly those.
  await openApp(page, '?select=base:tower_22&rings=radius,300');
  await expect.poll(ringsOnMap).toEqual(['radius:25', 'reach:300']);
  await expect(box('25 km radius')).toBeChecked();
  await expect(box('100 km')).not.toBeChecked();
  await expect(box('300 km')).toBeChecked();
});

test('Compare bases ranks the bases for the window; a row opens its base', async ({ page }) => {
  await openApp(page, '?from=2024-01-01&to=2024-01-31');
  await page.getByRole('button', { name: 'Compare bases' }).click();
  await expect(title(page)).toHaveText('Bases ranked, 1 Jan 2024 – 31 Jan 2024');
  const counts = new Map<string, number>();
  for (const f of incidents.filter((f) => inJanuary(f) && isAttack(f) && f.properties.base_id)) {
    counts.set(
      f.properties.base_id as string,
      (counts.get(f.properties.base_id as string) ?? 0) + 1,
    );
  }
  const top = Math.max(...counts.values());
  const leaders = [...counts].filter(([, n]) => n === top).map(([id]) => baseName(id));
  const first = page.getByTestId('rank-table').locator('tbody tr').first();
  await expect(first.locator('td').nth(2)).toHaveText(String(top));
  expect(leaders).toContain(await first.getByRole('button').innerText());

  // Most U.S. casualties in January 2024: Tower 22 (3 killed).
  await page.getByRole('button', { name: 'Most U.S. casualties' }).click();
  await expect(first.getByRole('button')).toHaveText('Tower 22');
  // The order and the basis are in the link, which reopens the ranking as it was.
  const caption = page.getByTestId('rank-table').locator('caption');
  await page.getByRole('combobox', { name: 'Count incidents' }).selectOption('50');
  await expect(caption).toHaveText('Bases by U.S. casualties, incidents within 50 km');
  await expect.poll(() => urlParam(page, 'rank')).toBe('casualties');
  await expect.poll(() => urlParam(page, 'basis')).toBe('near');
  await expect.poll(() => urlParam(page, 'radius')).toBe('50');
  await page.reload();
  await waitForMapReady(page);
  await expect(title(page)).toHaveText('Bases ranked, 1 Jan 2024 – 31 Jan 2024');
  await expect(page.getByRole('button', { name: 'Most U.S. casualties' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Count incidents' })).toHaveValue('50');
  await expect(caption).toHaveText('Bases by U.S. casualties, incidents within 50 km');
  await page.getByTestId('rank-table').getByRole('button', { name: 'Tower 22' }).click();
  await expect(title(page)).toHaveText('Tower 22');
  await expect.poll(() => urlParam(page, 'select')).toBe('base:tower_22');
});

test("a country's panel shows its step chart and the figure in force; old figures are marked", async ({
  page,
}) => {
  await openApp(page, '?select=country:IRQ&from=2024-01-01&to=2024-01-31');
  await expect(title(page)).toHaveText('Iraq');
  await expect(page.getByTestId('country-force')).toContainText(
    '2,500 U.S. troops, as of 21 Jan 2024',
  );
  await expect(panel(page).getByRole('img', { name: /^Step chart of 3 figures/ })).toBeVisible();
  await expect(page.getByTestId('figure-list').getByRole('link')).toHaveCount(3);
  const iraqAttacks = incidents.filter(
    (f) => inJanuary(f) && isAttack(f) && f.properties.country === 'Iraq',
  ).length;
  await expect(page.getByTestId('country-incidents')).toContainText(`${iraqAttacks} attacks`);

  // Kuwait's only dated figure is from 2012: hatched and labelled "as of 2012"; Iraq's is not.
  const marks = await page.evaluate(() => {
    const map = window.__incidentMap!.map;
    return {
      kwt: map.getFeatureState({ source: 'countries', id: 'KWT' }).stale,
      irq: map.getFeatureState({ source: 'countries', id: 'IRQ' }).stale,
      label: map.getFeatureState({ source: 'force-marks', id: 'KWT:0' }).show,
    };
  });
  expect(marks).toEqual({ kwt: true, irq: false, label: true });
});
