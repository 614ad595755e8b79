/**
 * Panels: clicking the map opens what is under the pointer (a chooser when several things are
 * stacked there), `select=` opens a panel on load, and panels link to each other.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  baseLngLat,
  baseName,
  clickMapAt,
  formatIso,
  openApp,
  readData,
  urlParam,
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
  // Its panel says it shares the point and links to the other base.
  await panel(page)
    .getByRole('button', { name: baseName('tal_baydar') })
    .click();
  await expect(title(page)).toHaveText(baseName('tal_baydar'));
});
