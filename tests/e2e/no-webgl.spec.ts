/**
 * Without WebGL2 there is no map, but never a blank page: a message and a table of the window's
 * incidents, still driven by the time slider.
 */
import { expect, test, type Page } from './test';
import { dayToIso, formatIso, readData, sliderThumbs, watchProblems } from './helpers';

const incidents = readData('incidents.geojson').features;

/** Makes every canvas refuse a WebGL2 context, as a browser without it would. */
async function withoutWebGl2(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type === 'webgl2') return null;
      return (getContext as (...args: unknown[]) => RenderingContext | null).call(
        this,
        type,
        ...rest,
      );
    } as typeof getContext;
  });
}

test('without WebGL2 the page explains it and lists the incidents', async ({ page }) => {
  const problems = await watchProblems(page);
  await withoutWebGl2(page);
  await page.goto('/');

  const fallback = page.getByTestId('no-webgl');
  await expect(fallback).toBeVisible();
  await expect(fallback.getByRole('heading')).toContainText('WebGL2');
  await expect(page.getByTestId('map')).toHaveCount(0);
  const rows = fallback.locator('tbody tr');
  await expect(rows).toHaveCount(incidents.length);
  await expect(fallback.locator('caption')).toHaveText(`${incidents.length} incidents`);

  // The slider still drives it.
  const { end } = sliderThumbs(page);
  await end.focus();
  for (let i = 0; i < 6; i++) await end.press('PageDown');
  const to = dayToIso(Number(await end.getAttribute('aria-valuenow')));
  const inWindow = incidents.filter((f) => f.properties.date <= to).length;
  expect(inWindow).toBeLessThan(incidents.length);
  await expect(rows).toHaveCount(inWindow);
  expect(problems.pageErrors).toEqual([]);
});

test('without WebGL2 a from/to URL lists that window', async ({ page }) => {
  await withoutWebGl2(page);
  await page.goto('/?from=2024-01-28&to=2024-01-28');
  const fallback = page.getByTestId('no-webgl');
  const day = incidents.filter((f) => f.properties.date === '2024-01-28');
  await expect(fallback.locator('tbody tr')).toHaveCount(day.length);
  await expect(fallback.getByRole('cell', { name: 'Tower 22', exact: true })).toBeVisible();
  await expect(page.getByTestId('window-label')).toHaveText(formatIso('2024-01-28'));
});
