/**
 * The density view: the legend switches incidents from points to a heatmap, which follows the
 * time window like the points do (scrubbing changes it without reloading anything).
 */
import { expect, test } from './test';
import { COLORS, countColorPixels, openApp, urlParam, watchProblems } from './helpers';
import { DENSITY_COLORS } from '../../src/state/palette';

const ATTACK_COLORS = [COLORS.drone, COLORS.rocket, COLORS.missile, COLORS.mixed];
// The ramp but its lightest colour (too close to the land to tell apart).
const HEAT = DENSITY_COLORS.slice(1);
const NONE = 10;

test('the legend switches incidents to a heatmap that follows the window', async ({ page }) => {
  const problems = await watchProblems(page);
  await openApp(page, '?layers=attacks,strikes');

  await page.getByRole('radio', { name: 'density' }).check();
  await expect.poll(() => urlParam(page, 'layers')).toBe('attacks,strikes,density');
  await expect.poll(() => countColorPixels(page, HEAT, 20)).toBeGreaterThan(400);
  // Points give way to the heatmap.
  expect(await countColorPixels(page, ATTACK_COLORS, 12)).toBeLessThan(NONE);
  const fullWindow = await countColorPixels(page, HEAT, 20);

  // One day (the first attacks) heats far fewer pixels than the whole span…
  const end = page.getByRole('slider', { name: 'End date' });
  await end.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('window-label')).toHaveText('17 Oct 2023');
  await expect.poll(() => countColorPixels(page, HEAT, 20)).toBeLessThan(fullWindow / 3);
  // …and the heat comes back when the window opens again.
  await page.keyboard.press('End');
  await expect.poll(() => countColorPixels(page, HEAT, 20)).toBeGreaterThan(fullWindow * 0.8);

  // Back to points.
  await page.getByRole('radio', { name: 'points' }).check();
  await expect.poll(() => urlParam(page, 'layers')).toBe('attacks,strikes');
  await expect.poll(() => countColorPixels(page, ATTACK_COLORS)).toBeGreaterThan(150);
  expect(problems.pageErrors).toEqual([]);
});
