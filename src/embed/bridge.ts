/**
 * Connects the postMessage API (messages.ts) to the store: commands from an allowed origin drive
 * the window, the selection, playback and the filters; the map reports `ready`, window changes
 * (throttled) and selections to its parent page. Messages from other origins are ignored; events
 * never go to "*", only to an allowed origin.
 *
 * The listener is attached at once, even while the allowed origins are still being fetched: a host
 * commonly sends its first command from the iframe's `load` event, which can fire before
 * embed-config.json has arrived. Such messages are held (unchecked) until the origins are known,
 * then checked and applied (or queued for the data) in the order they came.
 */
import { rowOfId } from '../data/incident-table';
import { dayToIso, isoToDay } from '../time/days';
import type { AppState, AppStore } from '../state/store';
import type { Selection } from '../state/url-schema';
import {
  API_VERSION,
  isAllowedOrigin,
  mapEvent,
  parseCommand,
  type Command,
  type MapEvent,
} from './messages';

/** At most one `windowchange` per this many ms while scrubbing or playing (the last one always goes). */
export const WINDOW_EVENT_INTERVAL_MS = 250;

/** Messages held while the allowed origins are unknown: enough for any host's start-up burst. */
export const MAX_HELD_MESSAGES = 100;

/** What the bridge talks to: injectable for tests. */
export interface BridgeOptions {
  /**
   * Allowed host origins (config file ∪ `origin=`), or a promise of them: messages that arrive
   * before it settles are held, and a rejected promise means no origins.
   */
  origins: readonly string[] | PromiseLike<readonly string[]>;
  /** The page's own window (message events are listened to on it). */
  self?: Window;
  /** The parent page; null when not embedded. */
  parent?: Pick<Window, 'postMessage'> | null;
  /** The embedding page's origin when the browser tells it (Chromium's `location.ancestorOrigins`). */
  parentOrigin?: string | null;
}

function targetText(sel: Selection | null): string | null {
  return sel ? `${sel.kind}:${sel.id}` : null;
}

/** Whether a selection exists in the loaded data. */
function exists(s: AppState, sel: Selection): boolean {
  if (!s.data || !s.derived) return false;
  if (sel.kind === 'base') return s.derived.baseById.has(sel.id);
  if (sel.kind === 'incident') return rowOfId(s.data.incidents, sel.id) !== undefined;
  return s.data.forces.countries.some((c) => c.iso3 === sel.id);
}

/** Applies a valid command; returns a reason when it cannot be applied. */
export function applyCommand(store: AppStore, command: Command): string | null {
  const s = store.getState();
  switch (command.type) {
    case 'setWindow':
      s.pause();
      s.setWindow({ start: isoToDay(command.from)!, end: isoToDay(command.to)! });
      return null;
    case 'select': {
      if (command.target === null) {
        s.select(null);
        return null;
      }
      const i = command.target.indexOf(':');
      const sel = {
        kind: command.target.slice(0, i) as Selection['kind'],
        id: command.target.slice(i + 1),
      };
      if (!exists(s, sel)) return `nothing to select for ${command.target.slice(0, 120)}`;
      s.select(sel, { fly: true });
      return null;
    }
    case 'play':
      s.play();
      return null;
    case 'pause':
      s.pause();
      return null;
    case 'setFilters':
      s.setFilters(command.filters);
      return null;
  }
}

/** Starts the bridge; returns a function that stops it. */
export function startBridge(store: AppStore, options: BridgeOptions): () => void {
  const self = options.self ?? window;
  const parent =
    options.parent === undefined ? (self.parent !== self ? self.parent : null) : options.parent;
  const parentOrigin =
    options.parentOrigin === undefined
      ? (self.location?.ancestorOrigins?.[0] ?? null)
      : options.parentOrigin;
  // Null until the allowed origins are known; until then nothing is sent and messages are held.
  let origins: string[] | null = null;
  let targets: string[] = [];
  const held: { origin: string; data: unknown }[] = [];

  const post = (event: MapEvent) => {
    if (!parent) return;
    for (const origin of targets) parent.postMessage(event, origin);
  };

  // Commands that arrive before the data is loaded wait for it.
  const pending: Command[] = [];
  const run = (command: Command) => {
    const reason = applyCommand(store, command);
    if (reason) post(mapEvent({ type: 'error', reason }));
  };

  const receive = (origin: string, data: unknown) => {
    if (!isAllowedOrigin(origin, origins!)) return;
    const parsed = parseCommand(data);
    if (!parsed.ok) return post(mapEvent({ type: 'error', reason: parsed.reason }));
    if (store.getState().status !== 'ready') pending.push(parsed.command);
    else run(parsed.command);
  };
  const onMessage = (e: MessageEvent) => {
    if (origins) return receive(e.origin, e.data);
    // The origin is checked once it can be; a flood from anywhere cannot grow the queue.
    if (held.length < MAX_HELD_MESSAGES) held.push({ origin: e.origin, data: e.data });
  };
  self.addEventListener('message', onMessage);

  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sendWindow = () => {
    timer = undefined;
    const w = store.getState().window;
    if (!w) return;
    lastSent = Date.now();
    post(mapEvent({ type: 'windowchange', from: dayToIso(w.start), to: dayToIso(w.end) }));
  };
  const windowChanged = () => {
    if (timer !== undefined) return;
    const wait = lastSent + WINDOW_EVENT_INTERVAL_MS - Date.now();
    if (wait <= 0) sendWindow();
    else timer = setTimeout(sendWindow, wait);
  };

  const onReady = () => {
    post(mapEvent({ type: 'ready', version: API_VERSION }));
    sendWindow();
    for (const command of pending.splice(0)) run(command);
  };

  let stopped = false;
  let unsubscribe = () => {};
  const begin = (allowed: readonly string[]) => {
    if (stopped) return;
    origins = [...allowed];
    // Where events go: the parent's own origin when the browser tells it (and it is allowed),
    // else each allowed origin (the browser delivers only to the one that matches the parent).
    targets =
      parentOrigin !== null ? origins.filter((o) => isAllowedOrigin(parentOrigin, [o])) : origins;
    unsubscribe = store.subscribe((s, prev) => {
      if (s.status === 'ready' && prev.status !== 'ready') return onReady();
      if (s.status !== 'ready') return;
      if (s.window !== prev.window) windowChanged();
      if (s.selection !== prev.selection)
        post(mapEvent({ type: 'select', target: targetText(s.selection) }));
    });
    // `ready` first, then the held commands (applied now, or queued for the data).
    if (store.getState().status === 'ready') onReady();
    for (const m of held.splice(0)) receive(m.origin, m.data);
  };
  if (isPromiseLike(options.origins)) options.origins.then(begin, () => begin([]));
  else begin(options.origins);

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    self.removeEventListener('message', onMessage);
  };
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>).then === 'function';
}
