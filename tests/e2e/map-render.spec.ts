/**
 * The map draws: the basemap and the incident points in their colours, and the layer switches
 * (URL `layers=` and the legend checkboxes) really hide and show those points.
 */
import { expect, test } from './test';
import { COLORS, countColorPixels, openApp, urlParam, watchProblems } from './helpers';

const ATTACK_COLORS = [COLORS.drone, COLORS.rocket, COLORS.missile, COLORS.mixed];
const STRIKE_COLORS = [COLORS.us_strike];
const LAND = [243, 239, 230] as const;
const SEA = [201, 221, 232] as const;

// With the default data in the default view about 650 attack-coloured and 550 strike-coloured
// pixels are drawn; the thresholds leave a wide margin while staying far above the 0 drawn when the
// layers are off (stacked points overlap, rings and low-confidence marks are light).
const MANY_ATTACK_PIXELS = 150;
const MANY_STRIKE_PIXELS = 100;
const NONE = 10;

test('the basemap and the incident points are drawn in their colours', async ({ page }) => {
  const problems = await watchProblems(page);
  // The colours themselves: the age fade (off under reduced motion) blends older points into the
  // land in this whole-span window (timeline.spec.ts checks the fade).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?layers=attacks,strikes');

  const area = await page.getByTestId('map').boundingBox();
  const pixels = area!.width * area!.height;
  expect(await countColorPixels(page, [LAND], 6)).toBeGreaterThan(pixels * 0.1);
  expect(await countColorPixels(page, [SEA], 6)).toBeGreaterThan(pixels * 0.01);

  await expect
    .poll(() => countColorPixels(page, ATTACK_COLORS))
    .toBeGreaterThan(MANY_ATTACK_PIXELS);
  await expect
    .poll(() => countColorPixels(page, STRIKE_COLORS))
    .toBeGreaterThan(MANY_STRIKE_PIXELS);

  // The legend switches hide them: the coloured pixels came from the incidents.
  await page.getByRole('checkbox', { name: 'Attacks on U.S. forces' }).uncheck();
  await expect.poll(() => countColorPixels(page, ATTACK_COLORS)).toBeLessThan(NONE);
  expect(await countColorPixels(page, STRIKE_COLORS)).toBeGreaterThan(MANY_STRIKE_PIXELS);
  await page.getByRole('checkbox', { name: 'U.S. strikes' }).uncheck();
  await expect.poll(() => countColorPixels(page, STRIKE_COLORS)).toBeLessThan(NONE);
  await expect.poll(() => urlParam(page, 'layers')).toBe('');

  expect(problems.pageErrors).toEqual([]);
});

test('layers= without the incident layers draws no incidents; the legend turns them on', async ({
  page,
}) => {
  await openApp(page, '?layers=bases,forces');
  const attacks = page.getByRole('checkbox', { name: 'Attacks on U.S. forces' });
  const strikes = page.getByRole('checkbox', { name: 'U.S. strikes' });
  await expect(attacks).not.toBeChecked();
  await expect(strikes).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Bases' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'U.S. troops per country' })).toBeChecked();

  expect(await countColorPixels(page, ATTACK_COLORS)).toBeLessThan(NONE);
  expect(await countColorPixels(page, STRIKE_COLORS)).toBeLessThan(NONE);

  await attacks.check();
  await expect
    .poll(() => countColorPixels(page, ATTACK_COLORS))
    .toBeGreaterThan(MANY_ATTACK_PIXELS);
  expect(await countColorPixels(page, STRIKE_COLORS)).toBeLessThan(NONE);
  await expect.poll(() => urlParam(page, 'layers')).toBe('attacks,bases,forces');
});
