import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import {
  applyCommand,
  MAX_HELD_MESSAGES,
  startBridge,
  WINDOW_EVENT_INTERVAL_MS,
} from '../../src/embed/bridge';
import { loadEmbedOrigins } from '../../src/embed/embed-config';
import {
  API_VERSION,
  isAllowedOrigin,
  parseCommand,
  parseEmbedConfig,
} from '../../src/embed/messages';
import { createAppStore, type AppStore } from '../../src/state/store';
import { isoToDay } from '../../src/time/days';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;
const HOST = 'https://news.example.org';

async function readyStore() {
  const store = createAppStore({});
  store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), {});
  return store;
}

describe('message schemas', () => {
  it('accepts each command', () => {
    for (const command of [
      { type: 'setWindow', from: '2024-01-01', to: '2024-01-31' },
      { type: 'select', target: 'base:tower_22' },
      { type: 'select', target: 'incident:I1' },
      { type: 'select', target: 'country:IRQ' },
      { type: 'select', target: null },
      { type: 'play' },
      { type: 'pause' },
      { type: 'setFilters', filters: {} },
      {
        type: 'setFilters',
        filters: {
          types: ['drone', 'us_strike'],
          groups: ['Kataib Hezbollah'],
          confidence: ['high'],
          countries: ['Iraq'],
          casualties: true,
          q: 'tower',
        },
      },
    ])
      expect(parseCommand(command)).toEqual({ ok: true, command });
  });

  it('refuses anything else with a reason', () => {
    const bad: unknown[] = [
      null,
      'setWindow',
      { type: 'reload' },
      { type: 'setWindow', from: '2024-02-30', to: '2024-03-01' },
      { type: 'setWindow', from: '2024-03-01', to: '2024-02-01' },
      { type: 'setWindow', from: '2024-01-01' },
      { type: 'select', target: 'tower_22' },
      { type: 'select' },
      { type: 'play', extra: 1 },
      { type: 'setFilters', filters: { types: ['laser'] } },
      { type: 'setFilters', filters: { q: 'x'.repeat(101) } },
      { type: 'setFilters', filters: { groups: ['a\u0000b'] } },
      { type: 'setFilters', filters: { colour: 'red' } },
    ];
    for (const data of bad) {
      const result = parseCommand(data);
      expect(result.ok, JSON.stringify(data)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^invalid command/);
    }
  });

  it('checks origins exactly: allowed, other and malformed', () => {
    const allowed = [HOST, 'http://127.0.0.1:4402'];
    expect(isAllowedOrigin(HOST, allowed)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4402', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4402', allowed)).toBe(false);
    expect(isAllowedOrigin('https://news.example.org.evil.example', allowed)).toBe(false);
    expect(isAllowedOrigin('http://news.example.org', allowed)).toBe(false);
    expect(isAllowedOrigin('null', allowed)).toBe(false);
    expect(isAllowedOrigin('', allowed)).toBe(false);
    expect(isAllowedOrigin('*', ['*'])).toBe(false);
  });

  it('reads embed-config.json; a missing or invalid file gives no origins', async () => {
    expect(parseEmbedConfig({ embedOrigins: [HOST, 'nope', `${HOST}/`] })).toEqual([HOST]);
    expect(parseEmbedConfig({ embedOrigins: 'x' })).toEqual([]);
    expect(parseEmbedConfig(null)).toEqual([]);
    const files = { 'c.json': { embedOrigins: [HOST] }, 'bad.json': '{nope' };
    const f = fakeFetch(files) as unknown as typeof fetch;
    expect(await loadEmbedOrigins('c.json', f)).toEqual([HOST]);
    expect(await loadEmbedOrigins('bad.json', f)).toEqual([]);
    expect(await loadEmbedOrigins('gone.json', f)).toEqual([]);
  });
});

describe('bridge', () => {
  afterEach(() => vi.useRealTimers());

  function harness(
    store: Awaited<ReturnType<typeof readyStore>>,
    parentOrigin: string | null = HOST,
    origins: readonly string[] | PromiseLike<readonly string[]> = [HOST, 'https://other.example'],
  ) {
    const self = new EventTarget() as unknown as Window;
    const sent: { data: unknown; origin: string }[] = [];
    const parent = { postMessage: (data: unknown, origin: string) => sent.push({ data, origin }) };
    const stop = startBridge(store, {
      origins,
      self,
      parent: parent as unknown as Window,
      parentOrigin,
    });
    const receive = (data: unknown, origin = HOST) =>
      self.dispatchEvent(new MessageEvent('message', { data, origin }));
    return { sent, receive, stop };
  }

  it('says ready, obeys commands from an allowed origin and ignores others', async () => {
    const store = await readyStore();
    const { sent, receive } = harness(store);
    expect(sent[0]).toEqual({
      data: { source: 'incident-map', type: 'ready', version: API_VERSION },
      origin: HOST,
    });
    // Only to the parent's origin, never "*".
    expect(sent.every((m) => m.origin === HOST)).toBe(true);

    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' }, 'https://evil.example');
    expect(store.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-02-02') });

    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
    expect(store.getState().window).toEqual({ start: d('2023-11-01'), end: d('2023-11-30') });
    receive({ type: 'select', target: 'base:alpha' });
    expect(store.getState().selection).toEqual({ kind: 'base', id: 'alpha' });
    expect(sent.at(-1)!.data).toEqual({
      source: 'incident-map',
      type: 'select',
      target: 'base:alpha',
    });
    receive({ type: 'setFilters', filters: { types: ['drone'] } });
    expect(store.getState().filters.types).toEqual(['drone']);
    receive({ type: 'play' });
    expect(store.getState().playing).toBe(true);
    receive({ type: 'pause' });
    expect(store.getState().playing).toBe(false);
  });

  it('answers invalid commands from an allowed origin with an error, others not at all', async () => {
    const store = await readyStore();
    const { sent, receive } = harness(store);
    const before = sent.length;
    receive({ type: 'setWindow', from: 'soon' }, 'https://evil.example');
    receive('garbage', 'null');
    expect(sent.length).toBe(before);
    receive({ type: 'setWindow', from: 'soon' });
    expect(sent.at(-1)!.data).toMatchObject({ source: 'incident-map', type: 'error' });
    receive({ type: 'select', target: 'base:nowhere' });
    expect(sent.at(-1)!.data).toMatchObject({ type: 'error', reason: /nothing to select/ });
  });

  it('sends no events when the parent is not an allowed origin', async () => {
    const store = await readyStore();
    const { sent } = harness(store, 'https://evil.example');
    store.getState().setWindow({ start: d('2023-11-01'), end: d('2023-11-30') });
    expect(sent).toEqual([]);
  });

  it('throttles window changes to one per interval, the last one always sent', async () => {
    vi.useFakeTimers();
    const store = await readyStore();
    const { sent, stop } = harness(store);
    const windows = () =>
      sent.filter((m) => (m.data as { type: string }).type === 'windowchange').map((m) => m.data);
    expect(windows()).toHaveLength(1); // with ready
    vi.advanceTimersByTime(WINDOW_EVENT_INTERVAL_MS);
    for (let i = 0; i < 20; i++) store.getState().stepWindow(-1);
    expect(windows()).toHaveLength(2);
    vi.advanceTimersByTime(WINDOW_EVENT_INTERVAL_MS);
    expect(windows()).toHaveLength(3);
    expect(windows().at(-1)).toEqual({
      source: 'incident-map',
      type: 'windowchange',
      from: '2023-10-17',
      to: '2024-01-13',
    });
    stop();
  });

  it('applies commands that arrive before the data once it is loaded', async () => {
    const store = createAppStore({});
    const { receive } = harness(store as Awaited<ReturnType<typeof readyStore>>);
    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
    store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), {});
    expect(store.getState().window).toEqual({ start: d('2023-11-01'), end: d('2023-11-30') });
    expect(applyCommand(store, { type: 'select', target: null })).toBeNull();
  });
});

describe('bridge, before the allowed origins are known', () => {
  /** A promise of the origins, settled by the test (as the embed-config.json fetch would be). */
  function deferredOrigins() {
    let resolve!: (origins: string[]) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<string[]>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  function harness(store: AppStore, origins: PromiseLike<readonly string[]>) {
    const self = new EventTarget() as unknown as Window;
    const sent: unknown[] = [];
    const parent = { postMessage: (data: unknown) => sent.push(data) };
    startBridge(store, { origins, self, parent: parent as unknown as Window, parentOrigin: HOST });
    const receive = (data: unknown, origin = HOST) =>
      self.dispatchEvent(new MessageEvent('message', { data, origin }));
    return { sent, receive };
  }

  const types = (sent: unknown[]) => sent.map((m) => (m as { type: string }).type);

  it('holds messages, then checks their origins and applies them in order after `ready`', async () => {
    const store = await readyStore();
    const config = deferredOrigins();
    const { sent, receive } = harness(store, config.promise);
    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
    receive({ type: 'setWindow', from: '2023-12-01', to: '2023-12-31' }, 'https://evil.example');
    receive({ type: 'setWindow', from: 'soon' });
    receive({ type: 'select', target: 'base:alpha' });
    // Nothing is applied or sent while the origins are unknown.
    expect(store.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-02-02') });
    expect(sent).toEqual([]);

    config.resolve([HOST]);
    await config.promise;
    expect(store.getState().window).toEqual({ start: d('2023-11-01'), end: d('2023-11-30') });
    expect(store.getState().selection).toEqual({ kind: 'base', id: 'alpha' });
    expect(types(sent)).toEqual(['ready', 'windowchange', 'error', 'select']);
  });

  it('holds messages until the origins are known and the data is loaded', async () => {
    const store = createAppStore({});
    const config = deferredOrigins();
    const { sent, receive } = harness(store, config.promise);
    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
    config.resolve([HOST]);
    await config.promise;
    expect(sent).toEqual([]);
    store.getState().setData(await loadAll(URLS, fakeFetch(ALL_FILES)), {});
    expect(store.getState().window).toEqual({ start: d('2023-11-01'), end: d('2023-11-30') });
    expect(types(sent)[0]).toBe('ready');
  });

  it('ignores held messages when the config fails (no origins) or names other origins', async () => {
    for (const settle of ['reject', 'other'] as const) {
      const store = await readyStore();
      const config = deferredOrigins();
      const { sent, receive } = harness(store, config.promise);
      receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
      if (settle === 'reject') config.reject(new Error('offline'));
      else config.resolve(['https://other.example']);
      await config.promise.catch(() => undefined);
      await Promise.resolve();
      expect(store.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-02-02') });
      expect(sent).toEqual([]);
    }
  });

  it(`holds at most ${MAX_HELD_MESSAGES} messages`, async () => {
    const store = await readyStore();
    const config = deferredOrigins();
    const { receive } = harness(store, config.promise);
    for (let i = 0; i < MAX_HELD_MESSAGES; i++) receive({ type: 'pause' });
    receive({ type: 'setWindow', from: '2023-11-01', to: '2023-11-30' });
    config.resolve([HOST]);
    await config.promise;
    expect(store.getState().window).toEqual({ start: d('2023-10-17'), end: d('2024-02-02') });
  });
});
