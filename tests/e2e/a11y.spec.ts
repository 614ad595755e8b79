/**
 * Accessibility: axe-core finds no serious or critical violation on the full view and with a
 * base panel open (the load report open too, with its download button).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import { openApp, serveFixture } from './helpers';

/** Serious and critical violations, as "rule: target …" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}`));
}

test('the full view has no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);
  // The check does catch one: a button without a name is critical.
  await page.evaluate(() => document.body.append(document.createElement('button')));
  expect(await seriousViolations(page)).toEqual([
    expect.stringMatching(/^button-name \(critical\)/),
  ]);
});

test('an open base panel has no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page, '?select=base:tower_22');
  await expect(page.locator('#panel-title')).toHaveText('Tower 22');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the load report and error panel have no serious or critical accessibility violations', async ({
  page,
}) => {
  await serveFixture(page, 'broken.geojson');
  await serveFixture(page, 'gone.geojson', 404);
  await openApp(page, '?incidents=fixtures/broken.geojson&bases=fixtures/gone.geojson');
  await expect(page.getByTestId('load-report')).toBeVisible();
  await expect(page.getByTestId('error-panel')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
