/**
 * The time window: the slider (keyboard and pointer) moves it, the label, the counts and the URL
 * follow, and a from/to URL reproduces a window. The timeline around it: playback, window modes,
 * the histogram, key-event marks, keyboard, typed dates and a small screen.
 */
import { expect, test, type Page } from './test';
import {
  COLORS,
  dateSpan,
  dayToIso,
  expectedCounts,
  formatIso,
  isoToDay,
  openApp,
  readData,
  screenPoint,
  sliderThumbs,
  urlParam,
  waitForMapIdle,
} from './helpers';

const incidents = readData('incidents.geojson').features;
const span = dateSpan(incidents);

const label = (page: Page) => page.getByTestId('window-label');
const counts = (page: Page) => page.getByTestId('window-counts');
const notices = (page: Page) => page.getByRole('status', { name: 'Notices' });
const valueNow = async (page: Page, which: 'start' | 'end') =>
  Number(await sliderThumbs(page)[which].getAttribute('aria-valuenow'));

test('the keyboard moves the window: label, counts and URL follow', async ({ page }) => {
  await openApp(page);
  const { start, end } = sliderThumbs(page);
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – ${formatIso(span.last)}`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, span.first, span.last));

  // Home on the start thumb, already at the first day: nothing changes.
  const startDay = await valueNow(page, 'start');
  await start.focus();
  await start.press('Home');
  await expect(start).toHaveAttribute('aria-valuenow', String(startDay));

  // PageDown ×3 on the end thumb: 90 days earlier.
  const endDay = await valueNow(page, 'end');
  await end.focus();
  for (let i = 0; i < 3; i++) await end.press('PageDown');
  await expect(end).toHaveAttribute('aria-valuenow', String(endDay - 90));
  let to = dayToIso(endDay - 90);
  await expect(end).toHaveAttribute('aria-valuetext', formatIso(to));
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – ${formatIso(to)}`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, span.first, to));
  await expect.poll(() => urlParam(page, 'to')).toBe(to);

  // Shift+ArrowLeft is a week, ArrowRight a day.
  await end.press('Shift+ArrowLeft');
  await end.press('ArrowRight');
  to = dayToIso(endDay - 96);
  await expect(end).toHaveAttribute('aria-valuenow', String(endDay - 96));
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – ${formatIso(to)}`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, span.first, to));
  await expect.poll(() => urlParam(page, 'to')).toBe(to);

  // End brings it back to the last day.
  await end.press('End');
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – ${formatIso(span.last)}`);
  await expect.poll(() => urlParam(page, 'to')).toBe(span.last);
});

test('dragging the start thumb along the track moves the start of the window', async ({ page }) => {
  await openApp(page);
  const { start } = sliderThumbs(page);
  const track = await page.getByTestId('slider-track').boundingBox();
  const thumb = await start.boundingBox();
  const min = Number(await start.getAttribute('aria-valuemin'));
  const max = Number(await start.getAttribute('aria-valuemax'));

  const x = track!.x + track!.width * 0.4;
  const y = thumb!.y + thumb!.height / 2;
  await page.mouse.move(thumb!.x + thumb!.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 8 });
  await page.mouse.up();

  const expected = Math.round(min + ((x - track!.x) / track!.width) * (max - min));
  await expect.poll(() => valueNow(page, 'start')).toBeGreaterThan(min);
  const day = await valueNow(page, 'start');
  expect(Math.abs(day - expected)).toBeLessThanOrEqual(1);
  const from = dayToIso(day);
  await expect(label(page)).toHaveText(`${formatIso(from)} – ${formatIso(span.last)}`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, from, span.last));
  await expect.poll(() => urlParam(page, 'from')).toBe(from);
});

test('a one-day from/to URL shows that day and its counts (Tower 22)', async ({ page }) => {
  await openApp(page, '?from=2024-01-28&to=2024-01-28');
  await expect(label(page)).toHaveText('28 Jan 2024');
  const expected = expectedCounts(incidents, '2024-01-28', '2024-01-28');
  const attacksThatDay = incidents.filter(
    (f) => f.properties.date === '2024-01-28' && f.properties.type !== 'us_strike',
  ).length;
  expect(expected).toContain(`${attacksThatDay} attack`);
  await expect(counts(page)).toHaveText(expected);
  await expect(counts(page)).toContainText('3 U.S. killed');
  const { start, end } = sliderThumbs(page);
  await expect(start).toHaveAttribute('aria-valuetext', '28 Jan 2024');
  await expect(end).toHaveAttribute('aria-valuetext', '28 Jan 2024');
  expect(await urlParam(page, 'from')).toBe('2024-01-28');
  expect(await urlParam(page, 'to')).toBe('2024-01-28');
});

test('a reversed from/to is swapped, with a notice', async ({ page }) => {
  await openApp(page, '?from=2024-02-10&to=2024-01-20');
  await expect(label(page)).toHaveText('20 Jan 2024 – 10 Feb 2024');
  await expect(counts(page)).toHaveText(expectedCounts(incidents, '2024-01-20', '2024-02-10'));
  await expect(notices(page)).toContainText('swapped');
  await expect.poll(() => urlParam(page, 'from')).toBe('2024-01-20');
  await expect.poll(() => urlParam(page, 'to')).toBe('2024-02-10');
});

test('an invalid date in the URL is ignored with a notice', async ({ page }) => {
  await openApp(page, '?from=2024-02-30&to=2024-01-28');
  await expect(notices(page)).toContainText('Ignored from=2024-02-30');
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – 28 Jan 2024`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, span.first, '2024-01-28'));
  // The bad value is replaced by the window actually shown.
  await expect.poll(() => urlParam(page, 'from')).toBe(span.first);
});

// ---------------------------------------------------------------------------------------------
// Playback, modes, histogram, key events, keyboard, small screens

const endDay = (page: Page) => valueNow(page, 'end');

/** Pixels of an element's screenshot within `tolerance` of any of `colors`. */
async function countElementPixels(
  page: Page,
  selector: string,
  colors: readonly (readonly [number, number, number])[],
  tolerance = 12,
): Promise<number> {
  const png = await page.locator(selector).screenshot({ animations: 'disabled' });
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
        if (
          colors.some(
            ([r, g, b]) =>
              Math.abs(data[i]! - r!) <= tolerance &&
              Math.abs(data[i + 1]! - g!) <= tolerance &&
              Math.abs(data[i + 2]! - b!) <= tolerance,
          )
        )
          n++;
      }
      return n;
    },
    { b64: png.toString('base64'), colors: colors.map((c) => [...c]), tolerance },
  );
}

test('pressing Play advances the window label; Pause stops it', async ({ page }) => {
  await openApp(page, '?to=2023-11-01');
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – 1 Nov 2023`);
  const before = await endDay(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => endDay(page)).toBeGreaterThan(before);
  await expect(label(page)).not.toHaveText(`${formatIso(span.first)} – 1 Nov 2023`);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Once paused, the label, the counts and the URL agree on the window shown.
  const to = dayToIso(await endDay(page));
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – ${formatIso(to)}`);
  await expect(counts(page)).toHaveText(expectedCounts(incidents, span.first, to));
  await expect.poll(() => urlParam(page, 'to')).toBe(to);
});

test('a moving window of 7 days ending on 28 Jan 2024 shows that week and its counts', async ({
  page,
}) => {
  await openApp(page);
  await page.getByText('Moving', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Window length' }).selectOption('7');
  const to = page.getByLabel('To', { exact: true });
  await to.fill('2024-01-28');
  await expect(label(page)).toHaveText('22 Jan 2024 – 28 Jan 2024');
  const expected = expectedCounts(incidents, '2024-01-22', '2024-01-28');
  await expect(counts(page)).toHaveText(expected);
  await expect(counts(page)).toContainText('3 U.S. killed');
  await expect.poll(() => urlParam(page, 'mode')).toBe('window');
  await expect.poll(() => urlParam(page, 'span')).toBe('7');
  await expect.poll(() => urlParam(page, 'to')).toBe('2024-01-28');

  // The link reopens the same moving window, and a week's step keeps its length.
  await openApp(page, '?mode=window&span=7&to=2024-01-28');
  await expect(label(page)).toHaveText('22 Jan 2024 – 28 Jan 2024');
  await expect(counts(page)).toHaveText(expected);
  await page.getByRole('button', { name: 'Back a week' }).click();
  await expect(label(page)).toHaveText('15 Jan 2024 – 21 Jan 2024');
  await expect(counts(page)).toHaveText(expectedCounts(incidents, '2024-01-15', '2024-01-21'));
});

test('the histogram is drawn in the type colours, and a bar reads out its dates', async ({
  page,
}) => {
  await openApp(page);
  const histogram = page.getByTestId('histogram');
  await expect(histogram).toBeVisible();
  await expect(histogram.locator('path.bar[data-type="drone"]')).toHaveCount(1);
  await expect(histogram.locator('path.bar[data-type="us_strike"]')).toHaveCount(1);
  const box = (await histogram.boundingBox())!;
  expect(box.width).toBeGreaterThan(1000);
  const drone = await countElementPixels(page, '[data-testid="histogram"]', [COLORS.drone]);
  const strike = await countElementPixels(page, '[data-testid="histogram"]', [COLORS.us_strike]);
  expect(drone).toBeGreaterThan(200);
  expect(strike).toBeGreaterThan(20);

  // The week of Tower 22 (Monday 22 – Sunday 28 Jan 2024).
  const min = Number(await sliderThumbs(page).end.getAttribute('aria-valuemin'));
  const max = Number(await sliderThumbs(page).end.getAttribute('aria-valuemax'));
  const x = box.x + ((isoToDay('2024-01-25') - min) / (max - min)) * box.width;
  await page.mouse.move(x, box.y + box.height - 4);
  const tip = page.locator('.histogram-tooltip');
  await expect(tip).toContainText('22 Jan 2024 – 28 Jan 2024');
  await expect(tip).toContainText(
    expectedCounts(incidents, '2024-01-22', '2024-01-28').split(' · ').slice(0, 2).join(' · '),
  );

  // Weighted by casualties, the bars change and the URL says so.
  await page.getByRole('button', { name: 'U.S. casualties' }).click();
  await expect(histogram).toContainText('U.S. casualties a week');
  await expect.poll(() => urlParam(page, 'weight')).toBe('casualties');
});

test('the Tower 22 mark moves the window to 28 Jan 2024 and opens the incident', async ({
  page,
}) => {
  await openApp(page, '?mode=window&span=30');
  const marks = page.getByRole('group', { name: 'Key events' }).getByRole('button');
  await expect(marks.filter({ hasText: '' })).not.toHaveCount(0);
  const tower = page.getByRole('button', { name: /^28 Jan 2024: Tower 22/ });
  await tower.hover();
  await expect(page.locator('.mark-tooltip')).toContainText('Tower 22');
  await tower.click();
  await expect(label(page)).toHaveText('30 Dec 2023 – 28 Jan 2024');
  await expect(counts(page)).toHaveText(expectedCounts(incidents, '2023-12-30', '2024-01-28'));
  await expect(page.locator('#panel-title')).toHaveText('28 Jan 2024: Tower 22');
  await expect.poll(() => urlParam(page, 'select')).toBe('incident:INC091');
  await expect(
    page.getByTestId('event-note').getByRole('link', { name: 'source' }),
  ).toHaveAttribute('href', /^https:\/\//);
});

test('keyboard on the timeline: arrows, Shift, Home/End and Space; typed dates are checked', async ({
  page,
}) => {
  await openApp(page, '?from=2024-01-01&to=2024-01-20');
  const timeline = page.getByRole('group', { name: 'Timeline' });
  await timeline.focus();
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('1 Jan 2024 – 21 Jan 2024');
  // Keyboard users get the bar read-out too: the week holding the new end.
  const readout = page.locator('.histogram-tooltip');
  await expect(readout).toBeVisible();
  await expect(readout).toContainText('15 Jan 2024 – 21 Jan 2024');
  await expect(readout).toContainText(
    expectedCounts(incidents, '2024-01-15', '2024-01-21').split(' · ').slice(0, 2).join(' · '),
  );
  await page.keyboard.press('Shift+ArrowRight');
  await expect(label(page)).toHaveText('1 Jan 2024 – 28 Jan 2024');
  await expect(counts(page)).toHaveText(expectedCounts(incidents, '2024-01-01', '2024-01-28'));
  await page.keyboard.press('Home');
  await expect(label(page)).toHaveText(formatIso(span.first));
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(sliderThumbs(page).end).toHaveAttribute('aria-valuetext', formatIso(span.last));

  // A date outside the data is refused with a message; the window stays.
  const shown = await label(page).textContent();
  const from = page.getByLabel('From', { exact: true });
  await from.fill('2022-05-01');
  await from.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    `Choose a date from ${formatIso(span.first)} to ${formatIso(span.last)}`,
  );
  await expect(label(page)).toHaveText(shown!);
});

test('at 375 px the timeline stays readable and usable', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?from=2024-01-01&to=2024-02-10');
  const histogram = page.getByTestId('histogram');
  await expect(histogram).toBeVisible();
  expect((await histogram.boundingBox())!.width).toBeGreaterThan(300);
  expect(await histogram.getAttribute('data-bin-unit')).toBe('week');
  const ticks = page.getByTestId('timeline-axis').locator('.axis-tick');
  expect(await ticks.count()).toBeGreaterThanOrEqual(3);
  // Nothing in the bar runs off the screen.
  const bar = (await page.locator('.timeline-bar').boundingBox())!;
  expect(bar.x + bar.width).toBeLessThanOrEqual(375);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(375);
  // The mode and date fields fold into Options.
  await expect(page.getByRole('radio', { name: 'Cumulative' })).toBeHidden();
  await page.getByRole('button', { name: 'Options' }).click();
  await page.getByText('Cumulative', { exact: true }).click();
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – 10 Feb 2024`);
  await page.getByRole('button', { name: 'Forward a week' }).click();
  await expect(label(page)).toHaveText(`${formatIso(span.first)} – 17 Feb 2024`);
});

// ---------------------------------------------------------------------------------------------
// Age fade

/** Two rockets half a year apart on open ground: the default window (the whole span) holds both. */
const AGE_FADE_POINTS: { id: string; date: string; at: [number, number] }[] = [
  { id: 'OLD', date: '2024-01-01', at: [42.0, 32.0] },
  { id: 'NEW', date: '2024-07-01', at: [43.0, 32.0] },
];

/** How strongly a point stands out: the largest colour difference from the ground around it. */
async function pointContrast(page: Page, lngLat: [number, number]): Promise<number> {
  await waitForMapIdle(page);
  const { x, y } = await screenPoint(page, lngLat);
  const png = await page.screenshot({ clip: { x: x - 12, y: y - 12, width: 24, height: 24 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    // The clip's corner is clear of the 5 px point: the ground colour.
    const [r, g, b] = [data[0]!, data[1]!, data[2]!];
    let most = 0;
    for (let i = 0; i < data.length; i += 4) {
      const diff = Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b);
      most = Math.max(most, diff);
    }
    return most;
  }, png.toString('base64'));
}

test('in a long window older incidents are drawn fainter, except with reduced motion', async ({
  page,
}) => {
  await page.route('**/fixtures/age-fade.geojson', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        type: 'FeatureCollection',
        features: AGE_FADE_POINTS.map((p) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: p.at },
          properties: {
            id: p.id,
            date: p.date,
            type: 'rocket',
            confidence: 'high',
            coord_precision: 'exact_site',
          },
        })),
      }),
    }),
  );
  await openApp(page, '?incidents=fixtures/age-fade.geojson#map=6/32/42.5');
  await expect(label(page)).toHaveText('1 Jan 2024 – 1 Jul 2024');
  const [old, recent] = AGE_FADE_POINTS.map((p) => p.at);
  const ratio = async () =>
    (await pointContrast(page, old!)) / (await pointContrast(page, recent!));
  expect(await pointContrast(page, recent!)).toBeGreaterThan(150);
  expect(await ratio()).toBeLessThan(0.6);

  // The setting is followed live: no fade while reduced motion is on, the fade again after.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(ratio).toBeGreaterThan(0.85);
  expect(await ratio()).toBeLessThan(1.15);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(ratio).toBeLessThan(0.6);
});
