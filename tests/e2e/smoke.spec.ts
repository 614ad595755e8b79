import { test } from '@playwright/test';
import { openApp, readData } from './helpers';
for (const delay of ['world', 'data', 'none']) test('race ' + delay, async ({ page }) => {
  if (delay === 'world') await page.route('**/assets/50m-*.json', async (r) => { await new Promise((ok) => setTimeout(ok, 1500)); await r.continue(); });
  if (delay === 'data') await page.route('**/data/incidents.geojson', async (r) => { await new Promise((ok) => setTimeout(ok, 3000)); await r.continue(); });
  await openApp(page, '');
  const coords = readData('incidents.geojson').features.filter((f) => f.geometry).map((f) => [f.properties.id, f.geometry!.coordinates]);
  const probe = () => page.evaluate((coords) => {
    const a = (window.__incidentMap as any).adapter;
    const o = a.overlay.overlay;
    const m = window.__incidentMap!.map;
    let n = 0;
    for (const [, ll] of coords as any) {
      const p = m.project(ll);
      if (o.pickObject({ x: p.x, y: p.y, radius: 6 })) n++;
    }
    return [n, o._deck.getViewports()[0].zoom, m.getZoom()];
  }, coords);
  console.log(delay, 'after load', await probe());
});
