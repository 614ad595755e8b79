import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/time/days';
import { wrapText } from '../../src/ui/export/canvas-text';
import {
  drawComposition,
  planComposition,
  type CompositionText,
} from '../../src/ui/export/composition';
import { PNG_PRESETS, VIDEO_SIZE } from '../../src/ui/export/presets';
import { MAX_FRAMES, videoFrameCount, videoWindows } from '../../src/ui/export/video';
import { vint, writeWebm, type EncodedFrame } from '../../src/ui/export/webm-writer';
import { readWebm } from '../fixtures/webm-reader';

const d = (iso: string) => isoToDay(iso)!;
const span = { start: d('2023-10-17'), end: d('2024-10-27') };

describe('video frames', () => {
  it('moves the end by the step and always ends on the last day (range mode: the window grows)', () => {
    const req = { from: d('2024-01-07'), to: d('2024-01-28'), stepDays: 7 };
    const windows = videoWindows({ mode: 'range', spanDays: 30 }, span, req);
    expect(windows).toEqual([
      { start: d('2024-01-07'), end: d('2024-01-07') },
      { start: d('2024-01-07'), end: d('2024-01-14') },
      { start: d('2024-01-07'), end: d('2024-01-21') },
      { start: d('2024-01-07'), end: d('2024-01-28') },
    ]);
    expect(videoFrameCount(req)).toBe(4);
    const uneven = { from: d('2024-01-01'), to: d('2024-01-10'), stepDays: 7 };
    expect(videoWindows({ mode: 'range', spanDays: 30 }, span, uneven).map((w) => w.end)).toEqual([
      d('2024-01-01'),
      d('2024-01-08'),
      d('2024-01-10'),
    ]);
    expect(videoFrameCount(uneven)).toBe(3);
  });

  it('follows the window mode: cumulative from the first day, a moving window keeps its length', () => {
    const req = { from: d('2024-01-26'), to: d('2024-01-28'), stepDays: 1 };
    expect(videoWindows({ mode: 'cumulative', spanDays: 30 }, span, req)).toEqual([
      { start: span.start, end: d('2024-01-26') },
      { start: span.start, end: d('2024-01-27') },
      { start: span.start, end: d('2024-01-28') },
    ]);
    expect(videoWindows({ mode: 'window', spanDays: 7 }, span, req)[2]).toEqual({
      start: d('2024-01-22'),
      end: d('2024-01-28'),
    });
    // Cut at the data's first day.
    const early = { from: span.start, to: span.start + 1, stepDays: 1 };
    expect(videoWindows({ mode: 'window', spanDays: 30 }, span, early)[0]).toEqual({
      start: span.start,
      end: span.start,
    });
  });

  it('has one frame for a one-day window, and refuses more than the maximum', () => {
    const one = { from: d('2024-01-28'), to: d('2024-01-28'), stepDays: 1 };
    expect(videoWindows({ mode: 'range', spanDays: 30 }, span, one)).toHaveLength(1);
    const long = { from: 0, to: MAX_FRAMES + 5, stepDays: 1 };
    expect(videoFrameCount(long)).toBeGreaterThan(MAX_FRAMES);
    expect(() =>
      videoWindows({ mode: 'range', spanDays: 30 }, { start: 0, end: 1e5 }, long),
    ).toThrow(/frames/);
  });
});

function frame(ms: number, key: boolean, size = 10): EncodedFrame {
  return { data: new Uint8Array(size).fill(ms % 251), timestampMs: ms, key };
}

async function roundTrip(frames: EncodedFrame[], fps = 10) {
  const blob = writeWebm({ codec: 'V_VP9', width: 1280, height: 720, fps }, frames);
  return readWebm(new Uint8Array(await blob.arrayBuffer()));
}

describe('WebM writer', () => {
  it('encodes EBML sizes as variable-length integers', () => {
    expect([...vint(0)]).toEqual([0x80]);
    expect([...vint(126)]).toEqual([0xfe]);
    expect([...vint(127)]).toEqual([0x40, 0x7f]); // 0x7f alone would mean "unknown size"
    expect([...vint(300)]).toEqual([0x41, 0x2c]);
  });

  it('writes every frame with its own timestamp, the track and the duration', async () => {
    const frames = [0, 100, 200, 300, 400].map((ms, i) => frame(ms, i === 0 || i === 3));
    const webm = await roundTrip(frames);
    expect(webm.docType).toBe('webm');
    expect(webm.codec).toBe('V_VP9');
    expect([webm.width, webm.height]).toEqual([1280, 720]);
    expect(webm.frames.map((f) => [f.timeMs, f.key, f.bytes])).toEqual([
      [0, true, 10],
      [100, false, 10],
      [200, false, 10],
      [300, true, 10],
      [400, false, 10],
    ]);
    expect(webm.durationMs).toBe(500);
    // A cluster (and a cue) per key frame.
    expect(webm.clusters).toBe(2);
    expect(webm.cues).toBe(2);
  });

  it('opens a new cluster before block offsets overflow, and keeps large frames intact', async () => {
    const frames = [frame(0, true, 70_000), frame(20_000, false), frame(40_000, false)];
    const webm = await roundTrip(frames, 0.05);
    expect(webm.clusters).toBe(2);
    expect(webm.frames.map((f) => f.timeMs)).toEqual([0, 20_000, 40_000]);
    expect(webm.frames[0]!.bytes).toBe(70_000);
  });

  it('refuses a video that does not start with a key frame', () => {
    expect(() => writeWebm({ codec: 'V_VP8', width: 2, height: 2, fps: 1 }, [])).toThrow();
    expect(() =>
      writeWebm({ codec: 'V_VP8', width: 2, height: 2, fps: 1 }, [frame(0, false)]),
    ).toThrow(/key frame/);
  });
});

/** A 2D context stand-in: every character is 7 px wide at any font; drawing calls are recorded. */
function fakeContext() {
  const texts: string[] = [];
  const images: number[][] = [];
  const noop = () => {};
  const ctx = new Proxy(
    {
      measureText: (s: string) => ({ width: [...s].length * 7 }),
      fillText: (s: string) => texts.push(s),
      drawImage: (_img: unknown, ...rect: number[]) => images.push(rect),
      createLinearGradient: () => ({ addColorStop: noop }),
    } as Record<string, unknown>,
    { get: (t, k) => (k in t ? t[k as string] : noop), set: () => true },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, texts, images };
}

const text: CompositionText = {
  title: 'Attacks on U.S. and coalition forces in Iraq, Syria and Jordan, Oct 2023 – 2024',
  windowText: '17 Oct 2023 – 28 Jan 2024 (104 days)',
  countsText: '95 attacks · 12 U.S. strikes · 3 U.S. killed · 41 injured',
  sources: 'Sources: ' + 'A long source name; '.repeat(40),
  asOf: 'Data as of 24 Nov 2026',
  caveat: 'Documented sample; official counts are higher.',
};

describe('composition', () => {
  it('wraps text into lines that fit, with an ellipsis when some is left over', () => {
    const { ctx } = fakeContext();
    expect(wrapText(ctx, 'one two three four', 70, 3)).toEqual(['one two', 'three four']);
    const cut = wrapText(ctx, 'one two three four five six', 70, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    expect(cut.every((l) => [...l].length * 7 <= 70)).toBe(true);
    expect(wrapText(ctx, 'x'.repeat(40), 70, 1)).toEqual(['x'.repeat(9) + '…']);
  });

  it('leaves the map a box inside the image at every size, left of the legend', () => {
    for (const size of [...PNG_PRESETS, VIDEO_SIZE]) {
      const { ctx } = fakeContext();
      const plan = planComposition(ctx, size, text);
      const w = size.width / size.scale;
      const h = size.height / size.scale;
      expect(plan.map.x).toBeGreaterThan(0);
      expect(plan.map.width).toBeGreaterThan(w * 0.6);
      expect(plan.map.height).toBeGreaterThan(h * 0.55);
      expect(plan.map.y + plan.map.height).toBeLessThan(h);
      expect(plan.legend.x).toBeGreaterThan(plan.map.x + plan.map.width);
      expect(plan.legend.x + plan.legend.width).toBeLessThanOrEqual(w);
      expect(plan.footLines.sources.length).toBeLessThanOrEqual(2);
    }
  });

  it('draws the title, window, counts, sources, caveat, data date and the map image', () => {
    const { ctx, texts, images } = fakeContext();
    const plan = planComposition(ctx, PNG_PRESETS[1]!, text);
    drawComposition(
      ctx,
      plan,
      { ...text, overlay: { date: '28 Jan 2024', detail: 'x' } },
      [],
      {} as HTMLCanvasElement,
    );
    const all = texts.join('\n');
    for (const part of [text.windowText, text.countsText, text.asOf, text.caveat!, '28 Jan 2024'])
      expect(all).toContain(part);
    expect(all).toContain('Attacks on U.S. and coalition forces');
    expect(images).toEqual([[plan.map.x, plan.map.y, plan.map.width, plan.map.height]]);
  });
});
