/**
 * The production build runs under its Content-Security-Policy without violations or page errors,
 * and loads nothing from other hosts; the server's headers (README, Hosting) put the policy on
 * every file, so workers run under it too, and only listed sites may frame the map; hostile URL
 * parameters and data stay text.
 */
import { headerCsp, OTHER_HEADERS } from '../../scripts/security-headers.mjs';
import { EXPECTS_CSP_VIOLATION, expect, test } from './test';
import { cspViolations, openApp, readFixture, serveFixture, watchProblems } from './helpers';

const PORT = Number(process.env.E2E_PORT) || 4321;
/** The policy scripts/serve.mjs sends: framing by itself, under both loopback names. */
const SERVED_CSP = headerCsp(["'self'", `http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`]);

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

  // The watcher does see a violation when there is one (an inline script is refused); the
  // suite-wide guard (test.ts) is told this one is on purpose.
  test.info().annotations.push({ type: EXPECTS_CSP_VIOLATION });
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "inline";';
    document.head.append(script);
  });
  await expect.poll(async () => (await cspViolations(page, problems)).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('hostile URL parameters are shown as text in notices and never fetched or run', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const payload = '<img src=x onerror="window.__pwned=1">';
  const query = new URLSearchParams({
    select: `incident:${payload}`,
    incidents: 'javascript:window.__pwned=2',
    bases: 'data:application/json,{}',
    forces: '//evil.example/f.json',
    from: '<script>window.__pwned=3</script>',
    layers: `attacks,${payload}`,
  });
  await openApp(page, `?${query}`);

  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText('Ignored incidents=javascript:window.__pwned=2');
  await expect(notices).toContainText('Ignored forces=//evil.example/f.json');
  await expect(notices).toContainText(payload);
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  const fetched = requested.map((u) => new URL(u));
  expect(
    fetched.filter((u) => u.host === 'evil.example' || /^(javascript|data):$/.test(u.protocol)),
  ).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('hostile strings in a bases file stay text in the base panel', async ({ page }) => {
  const problems = await watchProblems(page);
  await serveFixture(page, 'hostile-bases.geojson');
  await openApp(page, '?bases=fixtures/hostile-bases.geojson&select=base:hb1');

  const base = readFixture('hostile-bases.geojson').features[0]!.properties;
  await expect(page.locator('#panel-title')).toHaveText(base.name!);
  const panel = page.getByTestId('side-panel');
  await expect(panel).toContainText(base.description as string);
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('every file, workers included, carries the security headers; a violation in a worker is refused and reported', async ({
  page,
  cspSeen,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const response = await page.goto('/');
  expect(response!.headers()).toMatchObject({
    'content-security-policy': SERVED_CSP,
    ...Object.fromEntries(Object.entries(OTHER_HEADERS).map(([k, v]) => [k.toLowerCase(), v])),
  });
  await openApp(page);

  // The incidents loader's and MapLibre's workers at least, started from files (not blob:).
  const files = workers.filter((u) => /^https?:/.test(u));
  expect(files.some((u) => /maplibre-gl-worker/.test(u))).toBe(true);
  expect(files.some((u) => /incidents-worker/.test(u))).toBe(true);
  for (const url of files) {
    const headers = (await page.request.get(url)).headers();
    expect(headers['content-security-policy'], url).toBe(SERVED_CSP);
  }

  // A request to another origin from inside MapLibre's worker: without the policy an opaque
  // no-cors fetch succeeds; under it, it is refused, and the suite's guard hears of it.
  test.info().annotations.push({ type: EXPECTS_CSP_VIOLATION });
  const worker = page.workers().find((w) => /maplibre-gl-worker/.test(w.url()))!;
  const other = `http://localhost:${PORT}/data/bases.geojson`;
  const outcome = await worker.evaluate(
    (url) =>
      fetch(url, { mode: 'no-cors' }).then(
        () => 'loaded',
        () => 'refused',
      ),
    other,
  );
  expect(outcome).toBe('refused');
  await expect
    .poll(() => cspSeen.filter((m) => m.includes(other) && m.includes('connect-src')))
    .not.toEqual([]);
});

test('only the sites in frame-ancestors can frame the map', async ({ page }) => {
  // A briefing page on a site the server does not list.
  await page.route('http://briefing.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Briefing</title><h1>Briefing</h1><iframe title="Map" src="${test.info().project.use.baseURL}?embed=1"></iframe>`,
    }),
  );
  await page.goto('http://briefing.example/');
  await expect(page.locator('h1')).toHaveText('Briefing');
  // The browser refuses to show the map there: the frame holds its error page, not the app.
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  expect(await page.frames()[1]!.locator('[data-testid="map"]').count()).toBe(0);
  // A listed site (this server under its other name) shows it: see embed.spec.ts.
});
