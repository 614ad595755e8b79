/**
 * Story presentation end to end: a story URL opens its step (caption, window label, camera);
 * Next/→ and Previous/← move and update `step`; the timeline's slider keeps its arrows; Escape
 * leaves and the keys go; "add current view" + download give a valid story with one more step;
 * axe passes with the card open, and the card fits a 375 px screen.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import { parseStory } from '../../src/data/story';
import {
  baseLngLat,
  cspViolations,
  openApp,
  urlParam,
  waitForMapIdle,
  watchProblems,
} from './helpers';

const card = (page: Page) => page.getByTestId('story-card');
const label = (page: Page) => page.getByTestId('window-label');
const counter = (page: Page) => page.getByTestId('story-counter');

/** The map's centre [lng, lat]. */
async function mapCenter(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const c = window.__incidentMap!.map.getCenter();
    return [c.lng, c.lat] as [number, number];
  });
}

test('a story URL opens its step with its caption, window and camera', async ({ page }) => {
  const problems = await watchProblems(page);
  await openApp(page, '?story=campaign&step=3');
  await expect(card(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tower 22' })).toBeVisible();
  await expect(counter(page)).toHaveText('Step 3 of 6');
  await expect(page.getByTestId('story-caption')).toContainText('Tower 22 in Jordan');
  await expect(label(page)).toHaveText('28 Jan 2024');
  await expect(page.locator('#panel-title')).toContainText('Tower 22');
  const source = card(page).getByRole('link').first();
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(source).toHaveAttribute('href', /^https:\/\//);

  await expect
    .poll(() => page.evaluate(() => window.__incidentMap!.map.getZoom()))
    .toBeCloseTo(7, 1);
  await waitForMapIdle(page);
  const [lng, lat] = await mapCenter(page);
  const tower = baseLngLat('tower_22');
  expect(Math.abs(lng - tower[0])).toBeLessThan(0.05);
  expect(Math.abs(lat - tower[1])).toBeLessThan(0.05);
  await page.screenshot({ path: 'test-results/e2e/story-step3.png' });
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('Next/→ and Previous/← move the steps and the URL; the slider keeps its arrows; Escape leaves', async ({
  page,
}) => {
  await openApp(page, '?story=campaign&step=3');
  await expect(counter(page)).toHaveText('Step 3 of 6');

  await card(page).getByRole('button', { name: 'Next →' }).click();
  await expect(counter(page)).toHaveText('Step 4 of 6');
  await expect(label(page)).toHaveText('2 Feb 2024');
  await expect.poll(() => urlParam(page, 'step')).toBe('4');
  await expect.poll(() => urlParam(page, 'types')).toBe('us_strike');

  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText('Step 5 of 6');
  await expect(label(page)).toHaveText('3 Feb 2024 – 20 Apr 2024');
  await expect.poll(() => urlParam(page, 'step')).toBe('5');
  // Step 5 has no filters: step 4's are cleared.
  await expect.poll(() => urlParam(page, 'types')).toBeNull();

  await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText('Step 4 of 6');
  await card(page).getByRole('button', { name: '← Previous' }).click();
  await expect(counter(page)).toHaveText('Step 3 of 6');
  // Step 3 opens the incident's panel, yet the keyboard stays on the card's button.
  await expect(page.locator('#panel-title')).toContainText('Tower 22');
  await expect(card(page).getByRole('button', { name: '← Previous' })).toBeFocused();
  await expect.poll(() => urlParam(page, 'step')).toBe('3');

  // On the timeline's slider the arrows move the date, not the story.
  const end = page.getByRole('slider', { name: 'End date' });
  await end.focus();
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('28 Jan 2024 – 29 Jan 2024');
  await expect(counter(page)).toHaveText('Step 3 of 6');

  // Escape on the slider (it has no use for it) leaves the story, and the panel stays.
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await expect(page.locator('#panel-title')).toContainText('Tower 22');
  await expect.poll(() => urlParam(page, 'story')).toBeNull();
  expect(await urlParam(page, 'step')).toBeNull();
});

test('add the current view as a step, then download: valid JSON with one more step', async ({
  page,
}) => {
  const storyRequests: string[] = [];
  page.on('request', (r) => r.url().includes('story.json') && storyRequests.push(r.url()));
  await openApp(page, '?from=2023-11-01&to=2023-11-30&types=drone');
  // The story is fetched only when it is opened.
  expect(storyRequests).toEqual([]);
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await expect(counter(page)).toHaveText('Step 1 of 6');
  expect(storyRequests).toEqual([expect.stringMatching(/\/data\/story\.json$/)]);
  await expect.poll(() => urlParam(page, 'story')).toBe('campaign');
  await expect.poll(() => urlParam(page, 'step')).toBe('1');
  await card(page).getByText('Edit story').click();
  await card(page).getByRole('button', { name: 'Add current view as step' }).click();
  await page.getByLabel('Step title').fill('My step');
  await page.getByLabel('Caption').fill('What I saw.');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(counter(page)).toHaveText('Step 2 of 7');
  await expect(page.getByRole('region', { name: 'My step' })).toBeVisible();
  await expect(card(page)).toContainText('Download to keep your changes');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card(page).getByRole('button', { name: 'Download story' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('story-campaign.json');
  const raw = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
  const { story, notices } = parseStory(raw, 'download');
  expect(notices).toEqual([]);
  expect(story!.steps).toHaveLength(7);
  const mine = story!.steps[1]!;
  expect(mine.title).toBe('My step');
  // The captured view is step 1's (the story applied it), with the map's camera.
  expect(mine.from).toBe('2023-10-17');
  expect(mine.to).toBe('2023-10-18');
  expect(mine.select).toBe('incident:INC001');
  expect('center' in mine.camera).toBe(true);
  expect(mine.sources[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?.*story=campaign/);
});

test('the story card passes axe and fits a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?story=campaign&step=2');
  await expect(counter(page)).toHaveText('Step 2 of 6');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  const box = (await card(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await expect(card(page).getByRole('button', { name: 'Next →' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/e2e/story-375.png' });
});

test('a story file with a bad step skips it with a notice; the rest of the story works', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const raw = JSON.parse(readFileSync('data/story.json', 'utf8')) as {
    steps: Record<string, unknown>[];
  };
  raw.steps[1] = { ...raw.steps[1], camera: { center: [38.7, 133.3], zoom: 7 } };
  await page.route('**/data/story.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(raw) }),
  );
  await openApp(page, '?story=campaign&step=2');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'data/story.json, step 2: field `camera',
  );
  // Five valid steps: step 2 is now the former step 3.
  await expect(counter(page)).toHaveText('Step 2 of 5');
  await expect(page.getByRole('region', { name: 'Tower 22' })).toBeVisible();
  expect(problems.pageErrors).toEqual([]);
});

test('under prefers-reduced-motion a step moves the camera at once, without a flight', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?story=campaign&step=2');
  await expect(counter(page)).toHaveText('Step 2 of 6');
  await waitForMapIdle(page);
  await card(page).getByRole('button', { name: 'Next →' }).click();
  await expect(counter(page)).toHaveText('Step 3 of 6');
  // Read at once, without waiting for the map: a jump has already arrived.
  const state = await page.evaluate(() => {
    const map = window.__incidentMap!.map;
    return { moving: map.isMoving(), zoom: map.getZoom(), ...map.getCenter() };
  });
  const tower = baseLngLat('tower_22');
  expect(state.moving).toBe(false);
  expect(state.zoom).toBeCloseTo(7, 5);
  expect(Math.abs(state.lng - tower[0])).toBeLessThan(0.01);
  expect(Math.abs(state.lat - tower[1])).toBeLessThan(0.01);
});

test('an embed with story= presents the story in the frame, without authoring', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await openApp(page, '?embed=1&story=campaign&step=3');
  await expect(page.locator('header')).toHaveCount(0);
  await expect(counter(page)).toHaveText('Step 3 of 6');
  await expect(page.getByTestId('story-caption')).toContainText('Tower 22 in Jordan');
  await expect(label(page)).toHaveText('28 Jan 2024');
  await expect(card(page).getByText('Edit story')).toHaveCount(0);
  await card(page).getByRole('button', { name: 'Next' }).click();
  await expect(counter(page)).toHaveText('Step 4 of 6');
  await expect.poll(() => urlParam(page, 'step')).toBe('4');
  await page.screenshot({ path: 'test-results/e2e/story-embed.png' });
});
