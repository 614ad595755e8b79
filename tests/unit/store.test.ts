import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { idAt } from '../../src/data/incident-table';
import { MAX_LISTED, pickTargets } from '../../src/state/pick-targets';
import {
  forceOn,
  isBaseActive,
  rowsInWindow,
  siteForceOn,
  windowCounts,
} from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, ALPHA, fakeFetch, incidentFeature, URLS } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;

async function readyStore(url: Parameters<typeof createAppStore>[0] = {}) {
  const store = createAppStore(url);
  store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), url);
  return store;
}

describe('store', () => {
  it('starts on the whole span, or the URL window clamped to it', async () => {
    expect((await readyStore()).getState().window).toEqual({
      start: d('2023-10-17'),
      end: d('2024-02-02'),
    });
    const s = await readyStore({ from: d('2020-01-01'), to: d('2024-01-01') });
    expect(s.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-01-01') });
    expect(s.getState().notices[0]).toMatch(/outside the data/);
  });

  it('drops a selection that does not exist, with a notice', async () => {
    const s = await readyStore({ select: { kind: 'base', id: 'nowhere' } });
    expect(s.getState().selection).toBeNull();
    expect(s.getState().notices.join(' ')).toMatch(/nowhere/);
    const ok = await readyStore({ select: { kind: 'base', id: 'alpha' } });
    expect(ok.getState().selection).toEqual({ kind: 'base', id: 'alpha' });
  });

  it('clamps windows set by the slider and ignores no-op steps', async () => {
    const s = await readyStore();
    const before = s.getState().window;
    s.getState().setWindow({ start: d('2023-10-17'), end: d('2024-02-02') });
    expect(s.getState().window).toBe(before);
    s.getState().setWindow({ start: d('2024-03-01'), end: d('2023-01-01') });
    expect(s.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-02-02') });
  });
});

describe('selectors', () => {
  it('counts attacks and U.S. strikes apart; casualties count attacks only', async () => {
    const { derived } = (await readyStore()).getState();
    expect(windowCounts(derived!, { start: d('2023-10-17'), end: d('2024-02-02') })).toEqual({
      attacks: 4,
      strikes: 2,
      usKilled: 3,
      usInjured: 46,
    });
    expect(windowCounts(derived!, { start: d('2024-01-28'), end: d('2024-01-28') })).toEqual({
      attacks: 1,
      strikes: 0,
      usKilled: 3,
      usInjured: 40,
    });
  });

  it("lists a base's incidents inside the window, ends inclusive", async () => {
    const { derived, data } = (await readyStore()).getState();
    const rows = rowsInWindow(data!.incidents, derived!.rowsByBase.get('alpha')!, {
      start: d('2023-10-18'),
      end: d('2024-12-31'),
    });
    expect(rows.map((r) => idAt(data!.incidents, r))).toEqual(['I2']);
  });

  it('applies active dates and step series', async () => {
    const { derived, data } = (await readyStore()).getState();
    const alpha = data!.bases[0]!;
    expect(isBaseActive(alpha, d('2024-01-31'))).toBe(true);
    expect(isBaseActive(alpha, d('2024-02-01'))).toBe(false);
    expect(forceOn(derived!, 'IRQ', d('2023-11-09'))).toBeNull();
    expect(forceOn(derived!, 'IRQ', d('2023-11-10'))?.point.value).toBe(2500);
    expect(siteForceOn(derived!, 'bravo', d('2024-02-01'))?.point.value).toBe(350);
    expect(derived!.colocated.get('bravo')).toEqual(['bravo', 'charlie']);
  });
});

describe('pickTargets', () => {
  it('reaches the bases and every visible incident stacked on one point', async () => {
    const state = (await readyStore()).getState();
    const { items, more } = pickTargets({
      state,
      row: 0,
      baseIds: ['alpha', 'alpha'],
      countryIso3: 'IRQ',
    });
    expect(items).toEqual([
      { kind: 'base', id: 'alpha' },
      { kind: 'incident', id: 'I1' },
      { kind: 'incident', id: 'I2' },
    ]);
    expect(more).toBe(0);
  });

  it('leaves out incidents outside the window or in hidden layers', async () => {
    const store = await readyStore();
    store.getState().setWindow({ start: d('2023-10-18'), end: d('2024-02-02') });
    const state = store.getState();
    expect(pickTargets({ state, row: 1, baseIds: [], countryIso3: null }).items).toEqual([
      { kind: 'incident', id: 'I2' },
    ]);
    store.getState().toggleLayer('attacks');
    expect(
      pickTargets({ state: store.getState(), row: 1, baseIds: [], countryIso3: null }).items,
    ).toEqual([]);
  });

  it('lists at most MAX_LISTED stacked incidents and counts the rest', async () => {
    const features = Array.from({ length: MAX_LISTED + 25 }, (_, i) =>
      incidentFeature(`S${i}`, '2024-01-01', 'drone', ALPHA),
    );
    const store = createAppStore({});
    store
      .getState()
      .setData(
        await loadAll(
          URLS,
          fakeFetch({ ...ALL_FILES, 'i.geojson': { type: 'FeatureCollection', features } }),
        ),
        {},
      );
    const { items, more } = pickTargets({
      state: store.getState(),
      row: 0,
      baseIds: [],
      countryIso3: null,
    });
    expect(items).toHaveLength(MAX_LISTED);
    expect(more).toBe(25);
  });

  it('falls back to the country when nothing else is under the click', async () => {
    const state = (await readyStore()).getState();
    expect(pickTargets({ state, row: null, baseIds: [], countryIso3: 'IRQ' }).items).toEqual([
      { kind: 'country', id: 'IRQ' },
    ]);
    expect(pickTargets({ state, row: null, baseIds: [], countryIso3: 'FRA' }).items).toEqual([]);
  });
});
