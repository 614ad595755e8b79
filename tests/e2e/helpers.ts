/**
 * Shared helpers for the end-to-end tests: waiting for the map, turning coordinates into screen
 * points, watching for page errors and CSP violations, serving fixture files, reading the default
 * data and counting incident-coloured pixels in a screenshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TYPE_COLORS } from '../../src/state/palette';

declare global {
  interface Window {
    __incidentMap?: { map: MapLibreMap };
    __cspViolations?: string[];
    __pwned?: unknown;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export type LngLat = [number, number];

/** Incident colours (RGB) as drawn by the map. */
export const COLORS = TYPE_COLORS;

// ---------------------------------------------------------------------------------------------
// Data

export interface Feature {
  id?: string;
  geometry: { type: 'Point'; coordinates: LngLat } | null;
  properties: Record<string, unknown> & { id: string; date: string; type: string; name?: string };
}

/** A file of the default data (data/…), parsed. */
export function readData(file: string): { features: Feature[] } {
  return JSON.parse(readFileSync(path.join(root, 'data', file), 'utf8'));
}

/** A fixture file (tests/e2e/fixtures/…), parsed. */
export function readFixture(file: string): { features: Feature[] } {
  return JSON.parse(readFileSync(fixturePath(file), 'utf8'));
}

/** [lng, lat] of a base of data/bases.geojson. */
export function baseLngLat(id: string): LngLat {
  const base = readData('bases.geojson').features.find((f) => f.properties.id === id);
  if (!base?.geometry) throw new Error(`no base "${id}" with a location in data/bases.geojson`);
  return base.geometry.coordinates;
}

/** Name of a base of data/bases.geojson. */
export function baseName(id: string): string {
  const base = readData('bases.geojson').features.find((f) => f.properties.id === id);
  if (!base?.properties.name) throw new Error(`no base "${id}" in data/bases.geojson`);
  return base.properties.name;
}

/** Epoch day of a `YYYY-MM-DD` date (the slider's `aria-valuenow` unit). */
export function isoToDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` of an epoch day. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The app's date format, e.g. "28 Jan 2024". */
export function formatIso(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/**
 * The counts line the app should show for a window (both ends inclusive), computed here from the
 * data: "114 attacks · 20 U.S. strikes · 3 U.S. killed · 94 injured". Casualties count attacks only.
 */
export function expectedCounts(features: Feature[], from: string, to: string): string {
  const inWindow = features.filter((f) => f.properties.date >= from && f.properties.date <= to);
  const attacks = inWindow.filter((f) => f.properties.type !== 'us_strike');
  const sum = (key: string) =>
    attacks.reduce((n, f) => n + ((f.properties[key] as number) ?? 0), 0);
  const plural = (n: number, one: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
  return [
    plural(attacks.length, 'attack'),
    plural(inWindow.length - attacks.length, 'U.S. strike'),
    `${sum('us_killed').toLocaleString('en-US')} U.S. killed`,
    `${sum('us_injured').toLocaleString('en-US')} injured`,
  ].join(' · ');
}

/** First and last incident date of a data file. */
export function dateSpan(features: Feature[]): { first: string; last: string } {
  const dates = features.map((f) => f.properties.date).sort();
  return { first: dates[0]!, last: dates[dates.length - 1]! };
}

/** Absolute path of a fixture file. */
export function fixturePath(name: string): string {
  return path.join(here, 'fixtures', name);
}

/**
 * Serves `tests/e2e/fixtures/<name>` at `…/fixtures/<name>` (dist/ is build output, so fixtures
 * are intercepted rather than copied). `status` other than 200 answers with that status instead.
 */
export async function serveFixture(page: Page, name: string, status = 200): Promise<void> {
  await page.route(`**/fixtures/${name}`, (route) =>
    status === 200
      ? route.fulfill({ path: fixturePath(name), contentType: 'application/json' })
      : route.fulfill({ status, contentType: 'text/plain', body: 'Not found' }),
  );
}

// ---------------------------------------------------------------------------------------------
// Problems: page errors, console errors, CSP violations

/** What went wrong in a page, collected from the moment `watchProblems` was called. */
export interface Problems {
  pageErrors: string[];
  consoleErrors: string[];
  /** Console messages that mention the Content Security Policy. */
  cspConsole: string[];
}

/** Harmless messages: luma.gl's debug note about the data-filter uniform block layout. */
const IGNORED_CONSOLE = [/dataFilterUniforms/];

/**
 * Starts collecting page errors, console errors and CSP violations. Call before `page.goto`:
 * the `securitypolicyviolation` listener is installed by an init script.
 */
export async function watchProblems(page: Page): Promise<Problems> {
  const problems: Problems = { pageErrors: [], consoleErrors: [], cspConsole: [] };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI}`),
      true,
    );
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    const text = m.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspConsole.push(text);
    if (m.type() === 'error') problems.consoleErrors.push(text);
  });
  return problems;
}

/** CSP violations seen so far: the DOM events plus the console reports. */
export async function cspViolations(page: Page, problems: Problems): Promise<string[]> {
  const events = await page.evaluate(() => window.__cspViolations ?? []);
  return [...events, ...problems.cspConsole];
}

// ---------------------------------------------------------------------------------------------
// The map

/** The map container. */
export function mapElement(page: Page): Locator {
  return page.getByTestId('map');
}

/** Opens the app (`query` like "?from=…") and waits until its data is on the map and it is idle. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitForMapReady(page);
}

/** Waits until the data is attached and the map went idle once, then until it is idle now. */
export async function waitForMapReady(page: Page): Promise<void> {
  await expect(mapElement(page)).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
  await waitForMapIdle(page);
}

/** Resolves when the map has loaded everything and is not moving (after a camera move, say). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__incidentMap?.map));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__incidentMap!.map;
        if (map.loaded() && !map.isMoving()) resolve();
        else map.once('idle', () => resolve());
      }),
  );
  // Two frames, so whatever was drawn last is on screen.
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Page coordinates (CSS pixels) of a geographic coordinate on the map. */
export async function screenPoint(page: Page, lngLat: LngLat): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (ll) => window.__incidentMap!.map.project(ll),
    lngLat as [number, number],
  );
  const box = await mapElement(page).boundingBox();
  if (!box) throw new Error('the map container is not visible');
  return { x: box.x + point.x, y: box.y + point.y };
}

/**
 * Clicks the map at a coordinate once it is idle. Fails with a clear message when the point is
 * off the map or hidden under an overlay (legend, panel), instead of clicking the overlay.
 */
export async function clickMapAt(page: Page, lngLat: LngLat): Promise<void> {
  await waitForMapIdle(page);
  const { x, y } = await screenPoint(page, lngLat);
  const top = await page.evaluate(
    ([px, py]) => {
      const el = document.elementFromPoint(px!, py!);
      return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : null;
    },
    [x, y],
  );
  expect(top, `the map canvas must be the topmost element at ${lngLat} (${x}, ${y})`).toBe(
    'canvas.maplibregl-canvas',
  );
  await page.mouse.click(x, y);
}

// ---------------------------------------------------------------------------------------------
// Pixels

/**
 * Counts pixels of the map (overlays such as the legend masked out) within `tolerance` (per
 * channel) of any of `colors`. Decoding happens in the page (no PNG library needed), without a
 * fetch so the page's CSP is not involved.
 */
export async function countColorPixels(
  page: Page,
  colors: readonly (readonly [number, number, number])[],
  tolerance = 30,
): Promise<number> {
  await waitForMapIdle(page);
  const png = await mapElement(page).screenshot({
    mask: [page.locator('.legend'), page.locator('.status-stack'), page.locator('.tooltip')],
    maskColor: '#000000',
    animations: 'disabled',
  });
  return page.evaluate(
    async ({ b64, colors, tolerance }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        for (const [r, g, b] of colors) {
          if (
            Math.abs(data[i]! - r!) <= tolerance &&
            Math.abs(data[i + 1]! - g!) <= tolerance &&
            Math.abs(data[i + 2]! - b!) <= tolerance
          ) {
            n++;
            break;
          }
        }
      }
      return n;
    },
    { b64: png.toString('base64'), colors: colors.map((c) => [...c]), tolerance },
  );
}

// ---------------------------------------------------------------------------------------------
// URL and timeline

/** A query parameter of the page's current URL (null when absent). */
export async function urlParam(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => new URLSearchParams(location.search).get(k), key);
}

/** The two slider thumbs. */
export function sliderThumbs(page: Page): { start: Locator; end: Locator } {
  return {
    start: page.getByRole('slider', { name: 'Start date' }),
    end: page.getByRole('slider', { name: 'End date' }),
  };
}
