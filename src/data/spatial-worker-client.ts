/**
 * The KD-tree of a big table built on another core: the loader worker's last step (indexes and
 * layer attributes, about half a second at a million rows) is serial, and the tree is its biggest
 * piece, so a helper worker builds it while the loader builds the rest. The helper is started as
 * soon as the file's size says it will be needed, so its start-up is over by then.
 */
import type { SpatialIndexWire } from '../geo/spatial-index';

/** From this file size up a helper is started (about 250k incidents). */
export const PARALLEL_SPATIAL_MIN_BYTES = 64 << 20;

/** A started helper: `build` hands it the positions once (copied), `cancel` stops it. */
export interface SpatialHelper {
  /** The index, or null when the helper failed (the caller then builds it itself). */
  build(position: Float32Array): Promise<SpatialIndexWire | null>;
  cancel(): void;
}

/** Starts a helper worker; null where workers cannot start. */
export function startSpatialHelper(): SpatialHelper | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./spatial-index-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  return {
    build(position) {
      return new Promise((resolve) => {
        const done = (wire: SpatialIndexWire | null) => {
          worker.terminate();
          resolve(wire);
        };
        worker.onmessage = (e: MessageEvent<SpatialIndexWire>) => done(e.data);
        worker.onerror = () => done(null);
        const copy = position.slice();
        worker.postMessage(copy, [copy.buffer]);
      });
    },
    cancel: () => worker.terminate(),
  };
}
