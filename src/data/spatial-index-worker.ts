/// <reference lib="webworker" />
/**
 * Builds the KD-tree over a big table's positions (see spatial-worker-client.ts) and sends it back
 * as transferred buffers.
 */
import { buildSpatialIndex, spatialToWire } from '../geo/spatial-index';

self.onmessage = (e: MessageEvent<Float32Array>) => {
  const wire = spatialToWire(buildSpatialIndex(e.data));
  self.postMessage(wire, { transfer: [wire.data, wire.rowOf.buffer as ArrayBuffer] });
};
