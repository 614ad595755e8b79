import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import {
  comparisonOn,
  dailyTotals,
  officialComparisons,
  windowCounts,
} from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import type { UrlState } from '../../src/state/url-schema';
import { urlStateOf } from '../../src/state/url-sync';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, datasetFile, fakeFetch, URLS } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;
// Sample span: 17 Oct 2023 – 2 Feb 2024.
const first = d('2023-10-17');
const last = d('2024-02-02');

async function readyStore(url: UrlState = {}, files: Record<string, unknown> = ALL_FILES) {
  const store = createAppStore(url);
  store.getState().setData(await loadAll(URLS, fakeFetch(files)), url);
  return store;
}

describe('store: window modes', () => {
  it('starts in range mode with a 30-day moving length, 1 week/s and counts', async () => {
    const s = (await readyStore()).getState();
    expect([s.mode, s.spanDays, s.speed, s.weight, s.playing, s.loop]).toEqual([
      'range',
      30,
      7,
      'count',
      false,
      false,
    ]);
  });

  it('reads mode, length, speed and weighting from the URL', async () => {
    const s = await readyStore({ mode: 'window', span: 7, to: d('2024-01-28'), speed: 30 });
    expect(s.getState().window).toEqual({ start: d('2024-01-22'), end: d('2024-01-28') });
    expect(s.getState().speed).toBe(30);
    // A moving window given only as from/to takes its length from them.
    const t = await readyStore({ mode: 'window', from: d('2024-01-19'), to: d('2024-01-28') });
    expect(t.getState().spanDays).toBe(10);
    const c = await readyStore({ mode: 'cumulative', from: d('2024-01-01'), to: d('2024-01-28') });
    expect(c.getState().window).toEqual({ start: first, end: d('2024-01-28') });
  });

  it('switching mode keeps the end date and applies the rule', async () => {
    const store = await readyStore({ from: d('2024-01-10'), to: d('2024-01-28') });
    store.getState().setMode('cumulative');
    expect(store.getState().window).toEqual({ start: first, end: d('2024-01-28') });
    store.getState().setMode('window');
    expect(store.getState().window).toEqual({ start: d('2023-12-30'), end: d('2024-01-28') });
    store.getState().setSpanDays(7);
    expect(store.getState().window).toEqual({ start: d('2024-01-22'), end: d('2024-01-28') });
    store.getState().setMode('range');
    expect(store.getState().window).toEqual({ start: d('2024-01-22'), end: d('2024-01-28') });
  });

  it('steps and jumps move the end; a moving window keeps its length', async () => {
    const store = await readyStore({ mode: 'window', span: 7, to: d('2024-01-28') });
    store.getState().stepWindow(-7);
    expect(store.getState().window).toEqual({ start: d('2024-01-15'), end: d('2024-01-21') });
    store.getState().jumpTo(last);
    expect(store.getState().window).toEqual({ start: d('2024-01-27'), end: last });
    store.getState().setWindow({ start: d('2023-11-01'), end: last }, 'start');
    expect(store.getState().window).toEqual({ start: d('2023-11-01'), end: d('2023-11-07') });
  });
});

describe('store: playback', () => {
  it('Play at the end starts over; ticks advance the end; it stops at the last day', async () => {
    const store = await readyStore({ mode: 'cumulative' });
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().window).toEqual({ start: first, end: first });
    store.getState().advancePlayback(10);
    expect(store.getState().window!.end).toBe(first + 10);
    store.getState().advancePlayback(1000);
    expect(store.getState().window!.end).toBe(last);
    expect(store.getState().playing).toBe(false);
    // Ticks after a pause change nothing.
    store.getState().advancePlayback(1);
    expect(store.getState().window!.end).toBe(last);
  });

  it('loops back to the start when asked', async () => {
    const store = await readyStore({ mode: 'window', span: 7, to: d('2024-02-01') });
    store.getState().setLoop(true);
    store.getState().play();
    store.getState().advancePlayback(1);
    expect(store.getState().window!.end).toBe(last);
    store.getState().advancePlayback(1);
    expect(store.getState().window).toEqual({ start: first, end: first });
    expect(store.getState().playing).toBe(true);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
  });

  it('an automatic start respects reduced motion; a user start does not', async () => {
    const store = await readyStore({ to: d('2024-01-01') });
    store.getState().setReducedMotion(true);
    store.getState().play({ auto: true });
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
  });
});

describe('store: URL view of the time slice', () => {
  it('writes only what differs from the defaults; the length only in moving-window mode', async () => {
    const store = await readyStore({ to: d('2024-01-28') });
    expect(urlStateOf(store.getState(), {})).toMatchObject({
      mode: undefined,
      span: undefined,
      speed: undefined,
      weight: undefined,
    });
    store.getState().setMode('window');
    store.getState().setSpanDays(7);
    store.getState().setSpeed(30);
    store.getState().setWeight('casualties');
    expect(urlStateOf(store.getState(), {})).toMatchObject({
      from: d('2024-01-22'),
      to: d('2024-01-28'),
      mode: 'window',
      span: 7,
      speed: 30,
      weight: 'casualties',
    });
    store.getState().setMode('cumulative');
    expect(urlStateOf(store.getState(), {}).span).toBeUndefined();
  });
});

describe('timeline selectors', () => {
  it('per-day totals by type agree with the window counts', async () => {
    const s = (await readyStore()).getState();
    const totals = dailyTotals(s.data!.incidents)!;
    expect(dailyTotals(s.data!.incidents)).toBe(totals);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    const c = windowCounts(s.derived!, s.window!);
    expect(sum(totals.count.values)).toBe(c.attacks + c.strikes);
    expect(sum(totals.casualties.values)).toBe(c.usKilled + c.usInjured);
  });

  it('pairs each official count with the sample count on its day', async () => {
    const files = {
      ...ALL_FILES,
      'd.json': {
        ...datasetFile,
        official_counts: [
          {
            as_of: '2024-01-31',
            attacks: 165,
            injured: null,
            note: null,
            source: 'DoD',
            url: null,
          },
          { as_of: '2023-10-27', attacks: 19, injured: null, note: null, source: null, url: null },
        ],
      },
    };
    const s = (await readyStore({}, files)).getState();
    const list = officialComparisons(s.data!.dataset!.official_counts, s.derived!);
    expect(list.map((c) => [c.day, c.official, c.sample])).toEqual([
      [d('2023-10-27'), 19, 2],
      [d('2024-01-31'), 165, 4],
    ]);
    expect(comparisonOn(list, d('2024-01-30'))!.official).toBe(19);
    expect(comparisonOn(list, d('2024-02-02'))!.official).toBe(165);
    expect(comparisonOn(list, d('2023-10-20'))!.official).toBe(19);
  });
});
