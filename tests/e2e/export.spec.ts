/**
 * Export: PNG at each preset (a real image of the preset's size, with map pixels, the legend and
 * the text bands), a short WebM video (parsed here to count its frames, then decoded by the
 * browser), cancelling a recording, printing (one page; the page itself with the map in the PDF)
 * and the dialog's keyboard behaviour. All under the production CSP, with no page errors.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from './test';
import { COLORS, cspViolations, openApp, watchProblems, type Problems } from './helpers';
import { readWebm } from '../fixtures/webm-reader';
import { pdfImages } from './pdf-images';

type Rgb = readonly [number, number, number];
const LAND: Rgb = [243, 239, 230];
const SEA: Rgb = [201, 221, 232];
const INK: Rgb = [29, 36, 48];
const MUTED: Rgb = [91, 101, 115];
const ATTACKS = [COLORS.drone, COLORS.rocket, COLORS.missile, COLORS.mixed];

/** A rectangle as fractions of the image: x0, y0, x1, y1. */
type Region = [number, number, number, number];

/**
 * Decodes a PNG or a video frame in the page and counts, per region, the pixels near each colour
 * group. Decoding from bytes (no fetch) keeps the page's CSP out of it.
 */
async function pixelCounts(
  page: Page,
  png: Buffer,
  regions: Record<string, { region: Region; colors: Rgb[]; tolerance?: number }>,
): Promise<{ width: number; height: number; counts: Record<string, number> }> {
  return page.evaluate(
    async ({ b64, regions }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const counts: Record<string, number> = {};
      for (const [name, { region, colors, tolerance = 24 }] of Object.entries(regions)) {
        const [x0, y0, x1, y1] = region.map((f, i) =>
          Math.round(f * (i % 2 ? bitmap.height : bitmap.width)),
        );
        let n = 0;
        for (let y = y0!; y < y1!; y++) {
          for (let x = x0!; x < x1!; x++) {
            const i = 4 * (y * bitmap.width + x);
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
        }
        counts[name] = n;
      }
      return { width: bitmap.width, height: bitmap.height, counts };
    },
    { b64: png.toString('base64'), regions },
  );
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 240_000 }),
    click(),
  ]);
  return download;
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function expectClean(page: Page, problems: Problems) {
  expect(await cspViolations(page, problems)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
}

test('PNG export: each preset is an image of its size with the map, the legend, the title and the sources', async ({
  page,
}, info) => {
  test.setTimeout(300_000);
  const problems = await watchProblems(page);
  await openApp(page, '?from=2023-10-17&to=2024-02-29');
  const labelBefore = await page.getByTestId('window-label').textContent();
  const dialog = await openExport(page);
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Militia attacks, autumn 2023');

  const presets = [
    { name: /Slide/, id: 'slide', width: 1920, height: 1080, scale: 1.5 },
    { name: /Web/, id: 'web', width: 1200, height: 675, scale: 1 },
    { name: /A4 landscape/, id: 'a4', width: 1754, height: 1240, scale: 1.5 },
  ];
  for (const p of presets) {
    await dialog.getByRole('radio', { name: p.name }).check();
    const download = await downloadFrom(page, () =>
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    );
    expect(download.suggestedFilename()).toBe(`incident-map_2023-10-17_2024-02-29_${p.id}.png`);
    const file = info.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const png = readFileSync(file);
    // A PNG signature, and the IHDR's size.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([p.width, p.height]);
    await expect(dialog.getByRole('status')).toHaveText(
      `Saved ${download.suggestedFilename()} (${p.width} × ${p.height}).`,
    );

    // Where things are: the legend column is the right 256 layout px; the map fills the rest
    // between the title band and the footer.
    const legendX = 1 - (256 * p.scale) / p.width;
    const { width, height, counts } = await pixelCounts(page, png, {
      land: { region: [0.02, 0.25, legendX - 0.02, 0.8], colors: [LAND] },
      sea: { region: [0.02, 0.25, legendX - 0.02, 0.8], colors: [SEA] },
      mapIncidents: { region: [0.02, 0.25, legendX - 0.02, 0.8], colors: ATTACKS, tolerance: 30 },
      legendDrone: { region: [legendX, 0.1, 1, 0.9], colors: [COLORS.drone], tolerance: 12 },
      legendStrike: { region: [legendX, 0.1, 1, 0.9], colors: [COLORS.us_strike], tolerance: 12 },
      legendMissile: { region: [legendX, 0.1, 1, 0.9], colors: [COLORS.missile], tolerance: 12 },
      legendText: { region: [legendX, 0.1, 1, 0.9], colors: [INK] },
      title: { region: [0, 0, 1, 0.07], colors: [INK] },
      footer: { region: [0, 0.9, 1, 1], colors: [MUTED] },
    });
    expect([width, height]).toEqual([p.width, p.height]);
    const area = p.width * p.height;
    // The map really rendered: land and sea, and incidents drawn by deck.gl on top.
    expect(counts.land!).toBeGreaterThan(area * 0.05);
    expect(counts.sea!).toBeGreaterThan(area * 0.01);
    expect(counts.mapIncidents!).toBeGreaterThan(150 * p.scale * p.scale);
    // The legend's swatches and words, the title and the footer (sources, data as of).
    for (const key of ['legendDrone', 'legendStrike', 'legendMissile'])
      expect(counts[key], key).toBeGreaterThan(40 * p.scale * p.scale);
    expect(counts.legendText!).toBeGreaterThan(500 * p.scale * p.scale);
    expect(counts.title!).toBeGreaterThan(1000 * p.scale * p.scale);
    expect(counts.footer!).toBeGreaterThan(500 * p.scale * p.scale);
  }

  // The offscreen maps are gone; the view on screen did not move.
  await expect(page.locator('.export-map-host')).toHaveCount(0);
  await expect(page.getByTestId('window-label')).toHaveText(labelBefore!);
  await expectClean(page, problems);
});

test('video export: a short WebM has one frame per step at the chosen rate, and plays', async ({
  page,
  context,
}, info) => {
  test.setTimeout(240_000);
  const problems = await watchProblems(page);
  await openApp(page, '?from=2023-10-17&to=2024-02-29');
  const urlBefore = page.url();
  const dialog = await openExport(page);
  await dialog.getByLabel('From').fill('2024-01-14');
  await dialog.getByLabel('To', { exact: true }).fill('2024-01-28');
  await dialog.getByLabel('Each frame').selectOption({ label: '1 week' });
  await dialog.getByLabel('Frame rate').selectOption({ label: '10 fps' });
  await expect(dialog.getByText('3 frames, 0.3 s of video.')).toBeVisible();

  const download = await downloadFrom(page, () =>
    dialog.getByRole('button', { name: 'Record video' }).click(),
  );
  expect(download.suggestedFilename()).toBe('incident-map_2024-01-14_2024-01-28_10fps.webm');
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog.getByRole('status')).toHaveText(
    'Saved incident-map_2024-01-14_2024-01-28_10fps.webm (3 frames, 0.3 s).',
  );

  // Parsed here, apart from the app's writer: three frames 100 ms apart, the first a key frame.
  const bytes = readFileSync(file);
  const webm = readWebm(new Uint8Array(bytes));
  expect(webm.docType).toBe('webm');
  expect(webm.codec).toMatch(/^V_VP[89]$/);
  expect([webm.width, webm.height]).toEqual([1280, 720]);
  expect(webm.frames.map((f) => f.timeMs)).toEqual([0, 100, 200]);
  expect(webm.frames[0]!.key).toBe(true);
  expect(webm.durationMs).toBe(300);

  // The browser decodes it: size, duration, and a last frame with the map and its incidents.
  const player = await context.newPage();
  const decoded = await player.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error(`cannot decode: ${video.error?.message}`));
    });
    document.body.append(video);
    video.currentTime = 0.25;
    await new Promise((resolve) => (video.onseeked = resolve));
    // 'seeked' can come before the frame is ready to draw: draw until it is there (not blank).
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    for (let i = 0; i < 100; i++) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(video, 0, 0);
      const row = ctx.getImageData(0, canvas.height >> 1, canvas.width, 1).data;
      if (row.some((v, k) => k % 4 !== 3 && v > 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const png = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of png) s += String.fromCharCode(b);
    return {
      width: video.videoWidth,
      height: video.videoHeight,
      duration: video.duration,
      png: btoa(s),
    };
  }, bytes.toString('base64'));
  await player.close();
  expect([decoded.width, decoded.height]).toEqual([1280, 720]);
  expect(decoded.duration).toBeCloseTo(0.3, 2);
  const { counts } = await pixelCounts(page, Buffer.from(decoded.png, 'base64'), {
    land: { region: [0.02, 0.2, 0.78, 0.85], colors: [LAND], tolerance: 16 },
    incidents: { region: [0.02, 0.2, 0.78, 0.85], colors: ATTACKS, tolerance: 40 },
    // The burned-in date: dark text on the white box at the map's lower left.
    date: { region: [0.02, 0.75, 0.25, 0.9], colors: [INK], tolerance: 40 },
  });
  expect(counts.land!).toBeGreaterThan(1280 * 720 * 0.05);
  expect(counts.incidents!).toBeGreaterThan(20);
  expect(counts.date!).toBeGreaterThan(300);

  // The user's window and URL are as they were.
  await dialog.getByRole('button', { name: 'Close export' }).click();
  await expect(page.getByTestId('window-label')).toHaveText('17 Oct 2023 – 29 Feb 2024');
  expect(page.url()).toBe(urlBefore);
  await expectClean(page, problems);
});

test('without WebCodecs the video is recorded by MediaRecorder, replayed at the frame rate', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const problems = await watchProblems(page);
  await page.addInitScript(() => {
    delete (window as { VideoEncoder?: unknown }).VideoEncoder;
  });
  await openApp(page);
  const dialog = await openExport(page);
  await dialog.getByLabel('From').fill('2024-01-26');
  await dialog.getByLabel('To', { exact: true }).fill('2024-01-28');
  const download = await downloadFrom(page, () =>
    dialog.getByRole('button', { name: 'Record video' }).click(),
  );
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog.getByRole('status')).toHaveText(/^Saved .*\(3 frames, 0\.3 s\)\.$/);
  // MediaRecorder's own WebM: its frame times follow the clock, so only the file is checked here.
  const webm = readWebm(new Uint8Array(readFileSync(file)));
  expect(webm.docType).toBe('webm');
  expect([webm.width, webm.height]).toEqual([1280, 720]);
  expect(webm.frames.length).toBeGreaterThan(0);
  await expectClean(page, problems);
});

test('a recording can be cancelled: no file, and the offscreen map is released', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = await watchProblems(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await openApp(page);
  const dialog = await openExport(page);
  await dialog.getByLabel('From').fill('2023-10-17');
  await dialog.getByLabel('To', { exact: true }).fill('2024-10-27');
  await expect(dialog.getByText('377 frames, 37.7 s of video.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record video' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Frames drawn' });
  await expect(progress).toBeVisible({ timeout: 120_000 });
  await expect(progress).toHaveAttribute('max', '377');
  await dialog.getByRole('button', { name: 'Cancel recording' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Cancelled.');
  await expect(dialog.getByRole('button', { name: 'Record video' })).toBeEnabled();
  await expect(page.locator('.export-map-host')).toHaveCount(0);
  expect(downloads).toBe(0);
  await expectClean(page, problems);
});

/** Pages in a PDF (page objects, not the page tree). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test('print: the dialog (accessible, keyboard-contained) prints the composition on one page, and the page itself prints as one sheet', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = await watchProblems(page);
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => void (window as unknown as { __printed: number }).__printed++;
  });
  await openApp(page);
  const dialog = await openExport(page);
  // axe: no serious or critical violation in the dialog.
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // The dialog keeps focus inside it, and Escape closes it, giving focus back.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
      true,
    );
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();

  await openExport(page);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed), {
      timeout: 120_000,
    })
    .toBe(1);
  const sheet = page.locator('.print-sheet img');
  expect(
    await sheet.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]),
  ).toEqual([1754, 1240]);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.locator('.app')).toBeHidden();
  expect(pdfPages(await page.pdf({ preferCSSPageSize: true }))).toBe(1);

  // After printing the sheet goes; printing the page then lays out the live map on one page.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-sheet')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Close export' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app')).toBeVisible();
  await expect(page.locator('.maplibregl-canvas')).toBeVisible();
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.getByTestId('window-counts')).toBeVisible();
  await expect(page.locator('.print-footer')).toContainText('Data as of 24 Nov 2026');
  await expect(page.locator('.print-footer')).toContainText('Sources: CENTCOM');
  for (const chrome of [
    '.topbar button',
    '.timeline-controls',
    '.timeline-plot',
    '.maplibregl-ctrl',
  ])
    await expect(page.locator(chrome).first()).toBeHidden();
  // page.pdf() prints as Ctrl+P does (beforeprint, print layout, afterprint).
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdfPages(pdf)).toBe(1);
  // The map itself is printed, not an empty WebGL buffer: the largest picture on the page is the
  // map, with land, sea and incidents.
  const [printed] = pdfImages(pdf);
  expect(printed, 'a raster image of the map in the PDF').toBeDefined();
  const whole: Region = [0, 0, 1, 1];
  const { counts } = await pixelCounts(page, printed!.file, {
    land: { region: whole, colors: [LAND] },
    sea: { region: whole, colors: [SEA] },
    incidents: { region: whole, colors: ATTACKS, tolerance: 30 },
  });
  const area = printed!.width * printed!.height;
  expect(counts.land!).toBeGreaterThan(area * 0.15);
  expect(counts.sea!).toBeGreaterThan(area * 0.03);
  expect(counts.incidents!).toBeGreaterThan(40);
  // After printing, the print copy of the map is gone and the live canvas is back.
  await expect(page.locator('.map-print-snapshot')).toHaveCount(0);
  await expect(page.locator('.maplibregl-canvas')).toBeVisible();
  await expectClean(page, problems);
});
