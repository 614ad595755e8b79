// @ts-check
/* global window, document, requestAnimationFrame, MutationObserver */
// Functions that run INSIDE the benchmarked page (app or peer), passed to Playwright's
// addInitScript / evaluate. Each must be self-contained: no imports, no outer variables.
// The map is the app's `window.__incidentMap.map` or the peer's `window.__peerMap`.

/** @typedef {{ idle: number, drawn: number }} Idle times of an `idle` event: when it fired, and when the GPU had drawn the frame */
/** @typedef {{ keyT: number | null, firstFrame: number | null, firstFrameRenders: number | null, renders: number, reloads: number, renders0: number, reloads0: number, map: any, step: Promise<Idle> | null, hook: (map: any) => void, gpuSync: () => void, onIdle: () => Promise<Idle> }} Probe */

/**
 * Init script: the time of each keydown (capture phase, before any handler), the moment the
 * app's map container first says `data-map-ready="true"` (data attached and the map idle), and
 * from the moment the page publishes its map, counts of its renders and source reloads:
 * `sourcedata` events for a loaded tile (`e.tile`) or new source content (`'content'`).
 */
export function installProbe() {
  const px = new Uint8Array(4);
  /** @type {Probe} */
  const b = {
    keyT: null,
    firstFrame: null,
    firstFrameRenders: null,
    renders: 0,
    reloads: 0,
    renders0: 0,
    reloads0: 0,
    map: null,
    step: null,
    hook(map) {
      if (!map || b.map) return;
      b.map = map;
      map.on('render', () => b.renders++);
      map.on('sourcedata', (/** @type {any} */ e) => {
        if (e.tile || e.sourceDataType === 'content') b.reloads++;
      });
    },
    // Chromium runs WebGL in its GPU process, asynchronously: `idle` fires once MapLibre has
    // issued a frame's commands, not drawn them (SwiftShader takes seconds for 100k points).
    // Reading one pixel waits until the GPU has finished everything issued so far.
    gpuSync() {
      const canvas = b.map.getCanvas();
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    },
    // The next `idle`, with the time the frame was drawn (read inside the handler, before the
    // browser presents the frame).
    onIdle: () =>
      new Promise((r) =>
        b.map.once('idle', () => {
          const idle = performance.now();
          b.gpuSync();
          r({ idle, drawn: performance.now() });
        }),
      ),
  };
  const w = /** @type {any} */ (window);
  w.__bench = b;
  // Hook the map as soon as the page publishes it, to count the frames before the first idle.
  for (const key of ['__incidentMap', '__peerMap']) {
    /** @type {any} */ let value;
    Object.defineProperty(w, key, {
      configurable: true,
      get: () => value,
      set: (v) => {
        value = v;
        b.hook(v?.map ?? v);
      },
    });
  }
  window.addEventListener('keydown', () => (b.keyT = performance.now()), true);
  const seen = () => document.querySelector('[data-map-ready="true"]');
  const obs = new MutationObserver(() => {
    if (b.firstFrame === null && seen()) {
      b.firstFrame = performance.now();
      b.firstFrameRenders = b.renders;
      obs.disconnect();
    }
  });
  obs.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
}

/** Hooks the map if the init script has not seen it yet; false while there is no map. */
export function hookMap() {
  const w = /** @type {any} */ (window);
  const b = /** @type {Probe} */ (w.__bench);
  b.hook(w.__incidentMap?.map ?? w.__peerMap);
  return Boolean(b.map);
}

/**
 * Waits until the map is loaded, not moving, and rendered no frame during three animation frames
 * plus 50 ms. Resolves with the number of renders it saw (a frame after a step's `idle` shows
 * up here), or -1 if it gave up after `maxMs`.
 * @param {number} maxMs
 */
export async function waitQuiet(maxMs) {
  const b = /** @type {Probe} */ (/** @type {any} */ (window).__bench);
  const frames = () =>
    new Promise((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
  const t0 = performance.now();
  const start = b.renders;
  while (performance.now() - t0 < maxMs) {
    const r0 = b.renders;
    await frames();
    await new Promise((r) => setTimeout(r, 50));
    if (b.renders === r0 && b.map.loaded() && !b.map.isMoving()) {
      b.gpuSync();
      return b.renders - start;
    }
  }
  return -1;
}

/** Before a key press: clears `scrub` measures and registers the step's `idle` promise. */
export function armStep() {
  const b = /** @type {Probe} */ (/** @type {any} */ (window).__bench);
  performance.clearMeasures('scrub');
  b.keyT = null;
  b.renders0 = b.renders;
  b.reloads0 = b.reloads;
  b.step = b.onIdle();
}

/**
 * After the key press: waits for the step's `idle`. A step that changed nothing may request no
 * frame, and then `idle` never comes: if no frame was rendered three animation frames after the
 * key, it forces one with `map.triggerRepaint()` (reported as `forced`). Idle time is null after
 * `timeoutMs`.
 * @param {number} timeoutMs
 */
export async function finishStep(timeoutMs) {
  const b = /** @type {Probe} */ (/** @type {any} */ (window).__bench);
  const frames = () =>
    new Promise((r) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => requestAnimationFrame(() => r(null))),
      ),
    );
  let forced = false;
  let idle = await Promise.race([b.step, frames()]);
  if (idle === null) {
    if (b.renders === b.renders0) {
      forced = true;
      b.map.triggerRepaint();
    }
    idle = await Promise.race([b.step, new Promise((r) => setTimeout(() => r(null), timeoutMs))]);
  }
  const m = performance.getEntriesByName('scrub', 'measure');
  return {
    keyT: b.keyT,
    idleT: idle?.idle ?? null,
    drawnT: idle?.drawn ?? null,
    scrub: m.length ? m[m.length - 1].duration : null,
    scrubCount: m.length,
    forced,
    frames: b.renders - b.renders0,
    reloads: b.reloads - b.reloads0,
  };
}

/**
 * A repaint with nothing changed: `triggerRepaint()` to the next `idle` and to the frame drawn,
 * in ms (null on timeout).
 * @param {number} timeoutMs
 */
export async function repaintOnce(timeoutMs) {
  const b = /** @type {Probe} */ (/** @type {any} */ (window).__bench);
  const t0 = performance.now();
  const r0 = b.renders;
  const idle = b.onIdle();
  b.map.triggerRepaint();
  const t = await Promise.race([idle, new Promise((r) => setTimeout(() => r(null), timeoutMs))]);
  return t && { idle: t.idle - t0, drawn: t.drawn - t0, frames: b.renders - r0 };
}

/** Load marks (ms since navigation start), the app's fallback timings and what the page shows. */
export function readLoad() {
  const w = /** @type {any} */ (window);
  const mark = (/** @type {string} */ name) =>
    performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  return {
    appFetch: mark('incidents-fetch'),
    appReady: mark('incidents-ready'),
    appWorkerStart: mark('incidents-worker-start'),
    appWorkerDone: mark('incidents-worker-done'),
    appLoaded: mark('incidents-loaded'),
    peerFetch: mark('peer-fetch'),
    peerParsed: mark('peer-parsed'),
    peerReady: mark('peer-ready'),
    loadTimes: w.__incidentLoadTimes ?? null,
    firstFrame: w.__bench?.firstFrame ?? null,
    firstFrameRenders: w.__bench?.firstFrameRenders ?? null,
    renders: w.__bench?.renders ?? null,
    counts: document.querySelector('[data-testid="window-counts"]')?.textContent ?? null,
    peerStatus: document.getElementById('status')?.textContent ?? null,
  };
}

/** The page's load state: 'ready', an error text, or null while loading. */
export function loadState() {
  const w = /** @type {any} */ (window);
  if (w.__peerError) return `peer: ${w.__peerError}`;
  if (w.__peerReady) return 'ready';
  const err = document.querySelector('[data-testid="error-panel"], [data-testid="no-webgl"]');
  if (err) return `app: ${(err.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`;
  return document.querySelector('[data-testid="map"][data-map-ready="true"]') ? 'ready' : null;
}

/**
 * Fetches `url` as text, then times `JSON.parse` alone, `reps` times (ms each).
 * @param {{ url: string, reps: number }} arg
 */
export async function parseTimes({ url, reps }) {
  const text = await (await fetch(url)).text();
  const times = [];
  let features = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const json = JSON.parse(text);
    times.push(performance.now() - t0);
    features = json.features.length;
  }
  return { times, features, chars: text.length };
}
