// @ts-check
/* global window, document, location */
// The benchmark's peer: MapLibre's own time-slider pattern, as a MapLibre user would write it. The
// incidents are one GeoJSON source and one circle layer coloured by type; each slider step calls
// `map.setFilter` with the window (on a numeric `day` property computed once after the fetch) and
// updates a label. Served as static files from dist/bench/ (no Vite), under the app's CSP.
//
// Marks: `peer-fetch` before the fetch, `peer-parsed` after JSON parsing and the `day` pass,
// `peer-ready` at the first `idle` once the source has loaded (so ready includes MapLibre's worker
// indexing, tiling and the first frame). Each slider step is timed by a `scrub` measure around
// setFilter + label (`scrub-start` … `scrub-end`), the same names as the app's.
// URL: peer.html?incidents=<url relative to this page>
import { Map as MapLibreMap, setWorkerUrl } from './vendor/maplibre-gl.mjs';

setWorkerUrl(new URL('./vendor/maplibre-gl-worker.mjs', import.meta.url).href);

const DAY_MS = 86_400_000;
const PAGE_STEP = 30;
// The app's palette (src/state/palette.ts).
const COLORS = {
  drone: '#e69f00',
  rocket: '#d55e00',
  missile: '#cc79a7',
  mixed: '#8c510a',
  unknown: '#6e6e6e',
  us_strike: '#0072b2',
};

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const label = $('label');
const status = $('status');
const startInput = /** @type {HTMLInputElement} */ ($('start'));
const endInput = /** @type {HTMLInputElement} */ ($('end'));

/** Epoch day of `YYYY-MM-DD`. */
const dayOf = (/** @type {string} */ s) =>
  Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS;
const isoOf = (/** @type {number} */ day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#c9dde8' } }],
  },
  center: [41.5, 33.5],
  zoom: 4.6,
  attributionControl: false,
});
/** @type {any} */ (window).__peerMap = map;
const mapLoaded = new Promise((resolve) => map.once('load', resolve));

let origin = 0;

/** The window [start, end] (epoch days, inclusive) on the `day` property. */
const windowFilter = (/** @type {number} */ start, /** @type {number} */ end) => [
  'all',
  ['>=', ['get', 'day'], start],
  ['<=', ['get', 'day'], end],
];

/** The slider step: one setFilter and the label. */
function apply() {
  performance.mark('scrub-start');
  const start = origin + Number(startInput.value);
  const end = origin + Number(endInput.value);
  map.setFilter('incidents', windowFilter(start, end));
  label.textContent = `${isoOf(start)} – ${isoOf(end)}`;
  performance.mark('scrub-end');
  performance.measure('scrub', 'scrub-start', 'scrub-end');
}

/** Moves a handle to `value` (day offset), keeping start <= end. */
function setHandle(/** @type {HTMLInputElement} */ input, /** @type {number} */ value) {
  const max = Number(input.max);
  const v = Math.round(Math.min(max, Math.max(0, value)));
  const clamped =
    input === startInput
      ? Math.min(v, Number(endInput.value))
      : Math.max(v, Number(startInput.value));
  if (String(clamped) === input.value) return;
  input.value = String(clamped);
  apply();
}

for (const input of [startInput, endInput]) {
  input.addEventListener('input', () => {
    const v = Number(input.value);
    if (input === startInput && v > Number(endInput.value)) input.value = endInput.value;
    if (input === endInput && v < Number(startInput.value)) input.value = startInput.value;
    apply();
  });
  // PageUp / PageDown move a handle by 30 days, as in the app (native ranges use a tenth).
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    setHandle(input, Number(input.value) + (e.key === 'PageUp' ? PAGE_STEP : -PAGE_STEP));
  });
}

async function main() {
  const url = new URLSearchParams(location.search).get('incidents') ?? 'incidents-10000.geojson';
  performance.mark('peer-fetch');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json = await response.json();
  let [lo, hi, w, s, e, n] = [Infinity, -Infinity, 180, 90, -180, -90];
  for (const f of json.features) {
    const day = dayOf(f.properties.date);
    f.properties.day = day;
    if (day < lo) lo = day;
    if (day > hi) hi = day;
    const c = f.geometry?.coordinates;
    if (c)
      [w, s, e, n] = [Math.min(w, c[0]), Math.min(s, c[1]), Math.max(e, c[0]), Math.max(n, c[1])];
  }
  performance.mark('peer-parsed');
  await mapLoaded;
  origin = lo;
  // At 1M the renderer crashes about 20 s after this, while MapLibre's worker indexes the points
  // (Chromium logs "V8 javascript OOM"; the page itself holds under 700 MB). Passing the URL as
  // `data`, or features with only { day, type }, crashed the same way.
  map.addSource('incidents', { type: 'geojson', data: json });
  map.addLayer({
    id: 'incidents',
    type: 'circle',
    source: 'incidents',
    filter: windowFilter(lo, hi),
    paint: {
      'circle-radius': 5,
      'circle-color': ['match', ['get', 'type'], ...Object.entries(COLORS).flat(), '#6e6e6e'],
      'circle-opacity': 0.9,
      'circle-stroke-width': 1,
      'circle-stroke-color': '#1e1e1e',
    },
  });
  // The app's fit: its padding keeps the points clear of the legend (src/map/camera.ts).
  const pad = 48;
  map.fitBounds([w, s, e, n], {
    padding: { top: pad, bottom: pad, left: 250 + pad, right: pad + 40 },
    animate: false,
    maxZoom: 8,
  });
  for (const input of [startInput, endInput]) {
    input.max = String(hi - lo);
    input.disabled = false;
  }
  startInput.value = '0';
  endInput.value = String(hi - lo);
  label.textContent = `${isoOf(lo)} – ${isoOf(hi)}`;
  await new Promise((resolve) => {
    const check = () => (map.isSourceLoaded('incidents') ? resolve(null) : map.once('idle', check));
    map.once('idle', check);
  });
  performance.mark('peer-ready');
  status.textContent = `${json.features.length.toLocaleString('en-US')} incidents`;
  /** @type {any} */ (window).__peerReady = true;
}

main().catch((err) => {
  status.textContent = `Error: ${err instanceof Error ? err.message : String(err)}`;
  /** @type {any} */ (window).__peerError = status.textContent;
});
