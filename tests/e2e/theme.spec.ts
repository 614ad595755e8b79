/**
 * The dark theme: `?theme=dark` draws a dark basemap and dark panels, passes axe's contrast
 * checks, `theme=auto` follows the system's colour scheme live, and the header switch changes
 * the theme (and the URL) without rebuilding the incident layer.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import { BASEMAP_PALETTES } from '../../src/map/basemap';
import { countColorPixels, cspViolations, openApp, urlParam, watchProblems } from './helpers';

/** "#rrggbb" → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}`));
}

type Probe = { __incidentMap: { adapter: { overlay: { data: unknown } } }; __data?: unknown };

/**
 * Keeps the incident layer's data object (IncidentOverlay's `data`): the same object after a
 * theme switch means deck.gl kept its attributes (nothing was rebuilt).
 */
async function markIncidentData(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    w.__data = w.__incidentMap.adapter.overlay.data;
  });
}
async function sameIncidentData(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const w = window as unknown as Probe;
    return w.__data !== undefined && w.__incidentMap.adapter.overlay.data === w.__data;
  });
}

const dark = BASEMAP_PALETTES.dark;
const light = BASEMAP_PALETTES.light;

test('?theme=dark draws a dark basemap and dark panels, and passes axe', async ({ page }) => {
  const problems = await watchProblems(page);
  await openApp(page, '?theme=dark&from=2024-01-01&to=2024-01-31');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-theme', 'dark');
  // Sea and land in the dark palette; none of the light ones.
  expect(await countColorPixels(page, [rgb(dark.sea)], 4)).toBeGreaterThan(5000);
  expect(await countColorPixels(page, [rgb(dark.land)], 4)).toBeGreaterThan(5000);
  // (A light basemap would be tens of thousands of pixels; a stray anti-aliased pixel where a
  // white base outline meets a point can land near the light land colour.)
  expect(await countColorPixels(page, [rgb(light.sea), rgb(light.land)], 4)).toBeLessThan(20);
  // Dark panels: the timeline bar, the header and the legend.
  for (const selector of ['.timeline-bar', '.topbar'])
    await expect(page.locator(selector)).toHaveCSS('background-color', 'rgb(29, 36, 46)');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  expect(await seriousViolations(page)).toEqual([]);
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('theme=auto follows the system colour scheme, live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '?theme=auto');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-theme', 'light');
  expect(await countColorPixels(page, [rgb(light.sea)], 4)).toBeGreaterThan(1000);
});

test('the header switch changes the theme and the URL, not the incident layer', async ({
  page,
}) => {
  await openApp(page, '?from=2024-01-01&to=2024-01-31');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await markIncidentData(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-theme', 'dark');
  await expect.poll(() => urlParam(page, 'theme')).toBe('dark');
  expect(await countColorPixels(page, [rgb(dark.sea)], 4)).toBeGreaterThan(5000);
  expect(await sameIncidentData(page)).toBe(true);
  // The incidents are still drawn, in the same colours.
  expect(await urlParam(page, 'from')).toBe('2024-01-01');
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => urlParam(page, 'theme')).toBeNull();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
