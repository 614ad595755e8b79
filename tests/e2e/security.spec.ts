/**
 * The production build runs under its Content-Security-Policy without violations or page errors,
 * and loads nothing from other hosts.
 */
import { expect, test } from '@playwright/test';
import { cspViolations, openApp, watchProblems } from './helpers';

test('the default app loads under its CSP with no violations, page errors or foreign requests', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const foreign: string[] = [];
  const appHost = new URL(
    page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url(),
  ).host;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && url.host !== appHost) foreign.push(r.url());
  });

  // A selection on load exercises the panel (links, force figures) as well as the map.
  await openApp(page, '?select=base:ain_al_asad');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(page.locator('#panel-title')).toHaveText('Ain al-Asad Air Base');
  await page.getByRole('button', { name: 'About the data' }).click();
  await expect(page.getByTestId('side-panel')).toBeVisible();

  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(foreign).toEqual([]);

  // The watcher does see a violation when there is one (an inline script is refused).
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "inline";';
    document.head.append(script);
  });
  await expect.poll(async () => (await cspViolations(page, problems)).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
