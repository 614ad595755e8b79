/**
 * Offscreen rendering for the export: a second map adapter, with the same layers and styles as
 * the one on screen, mounted in a hidden container of the export's size. It follows a private
 * snapshot of the app state rather than the app's store, so the user's window, the URL and the map
 * on screen are never touched (a video steps this snapshot's window frame by frame). Its canvas
 * keeps its drawing buffer (`preserveDrawingBuffer`): deck.gl draws into MapLibre's canvas
 * (interleaved), so once the map is idle the canvas holds the basemap, the bases and the
 * incidents together, ready to be copied onto a 2D canvas.
 */
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { createStore } from 'zustand/vanilla';
import type { AppState } from '../state/store';
import type { DayWindow } from '../time/window';
import { fitIncidents } from './camera';
import { MapAdapter, onScreenAdapter } from './map-adapter';

/** Size of the map area in CSS pixels, and device pixels per CSS pixel (the output's scale). */
export interface ExportMapSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** A map rendered offscreen, one frame at a time. */
export interface ExportMapHandle {
  /** Draws the map for a window (null: the snapshot's own) and resolves with its canvas once drawn. */
  draw(window?: DayWindow | null): Promise<HTMLCanvasElement>;
  /** Removes the map and its WebGL context. */
  close(): void;
}

/** How long a map may take to load and draw before the export gives up (software WebGL is slow). */
const READY_TIMEOUT_MS = 120_000;

/** The camera on screen as bounds, so the export shows at least the same area. */
function screenBounds(): LngLatBoundsLike | null {
  const map = onScreenAdapter()?.maplibre;
  if (!map) return null;
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

function timeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took too long`)), READY_TIMEOUT_MS);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** Resolves once the adapter has attached the data and the map went idle (`data-map-ready`). */
function whenReady(host: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => host.getAttribute('data-map-ready') === 'true';
    if (done()) return resolve();
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(host, { attributes: true, attributeFilter: ['data-map-ready'] });
  });
}

/** Draws a frame and resolves after the first render that leaves nothing pending ('idle'). */
function renderSettled(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Opens a map offscreen at `size`, showing `state` (layers, window, selection) with the camera
 * fitted to the bounds of the map on screen (or to the incidents when there is none).
 */
export async function openExportMap(
  state: AppState,
  worldUrl: string,
  size: ExportMapSize,
): Promise<ExportMapHandle> {
  const host = document.createElement('div');
  host.className = 'export-map-host';
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${size.width}px`,
    height: `${size.height}px`,
    pointerEvents: 'none',
  });
  document.body.append(host);
  const store = createStore<AppState>()(() => ({ ...state, hover: null, chooser: null }));
  const bounds = screenBounds();
  const adapter = new MapAdapter(store, worldUrl, {
    map: {
      hash: false,
      interactive: false,
      attributionControl: false,
      pixelRatio: size.pixelRatio,
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    },
    offscreen: {
      camera: (map) => {
        if (bounds) map.fitBounds(bounds, { padding: 0, animate: false });
        else if (state.data) fitIncidents(map, state.data, false);
      },
    },
  });
  const close = () => {
    adapter.destroy();
    host.remove();
  };
  try {
    adapter.mount(host);
    await timeout(whenReady(host), 'Loading the export map');
  } catch (e) {
    close();
    throw e;
  }
  const map = adapter.maplibre!;
  return {
    async draw(window) {
      if (window && window !== store.getState().window) store.setState({ window });
      await timeout(renderSettled(map), 'Drawing the export map');
      return map.getCanvas();
    },
    close,
  };
}
