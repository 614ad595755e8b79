/**
 * The time window: the slider (keyboard and pointer) moves it, the label, the counts and the URL
 * follow, and a from/to URL reproduces a window.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  dateSpan,
  dayToIso,
  expectedCounts,
  formatIso,
  openApp,
  readData,
  sliderThumbs,
  urlParam,
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
