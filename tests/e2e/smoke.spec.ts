import { test } from '@playwright/test';
import { openApp, readData } from './helpers';
test('smoke', async ({ page }) => {
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
  console.log('after load', await probe());
  await page.evaluate(() => { const m = window.__incidentMap!.map; m.jumpTo({ center: m.getCenter() }); });
  console.log('after jumpTo', await probe());
});
