/// <reference lib="webworker" />
/**
 * Web Worker: fetches (or reads a local file), parses, validates and normalizes the incidents off
 * the main thread, reporting progress by phase, builds the indexes and the layer's attributes,
 * and transfers all of it back (typed arrays move, they are not copied).
 */
import {
  incidentsLoaderHere,
  loadIncidentsFromBlob,
  tableBuffers,
  type WorkerMessage,
  type WorkerRequest,
} from './incident-loader';
import { buildRowIndexesWire, indexesBuffers } from './incident-indexes';
import { buildSpatialIndex, spatialToWire } from '../geo/spatial-index';
import {
  PARALLEL_SPATIAL_MIN_BYTES,
  startSpatialHelper,
  type SpatialHelper,
} from './spatial-worker-client';
import type { LoadProgress } from './load-progress';
import { spawnPartWorker } from './part-worker-client';
// The map's point attributes are built here too, so the main thread only wraps buffers.
import { buildIncidentPoints, pointsBuffers } from '../map/incident-points';

const PROGRESS_EVERY_MS = 100;

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
    self.postMessage(m, { transfer });
  let last = 0;
  // Set from the progress callback, hence the widened type (no narrowing to null).
  let spatialHelper = null as SpatialHelper | null;
  let helperAsked = false;
  const onProgress = (progress: LoadProgress) => {
    if (!helperAsked && progress.total && progress.total >= PARALLEL_SPATIAL_MIN_BYTES) {
      helperAsked = true;
      spatialHelper = startSpatialHelper();
    }
    const now = performance.now();
    // Phase changes always go out; byte counts at most every 100 ms.
    if (progress.phase === 'fetch' && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ type: 'progress', progress });
  };
  const start = performance.now();
  try {
    const request = e.data;
    const result =
      'blob' in request
        ? await loadIncidentsFromBlob(
            request.blob,
            request.file,
            onProgress,
            request.options,
            spawnPartWorker,
          )
        : await incidentsLoaderHere(
            (url, init) => fetch(url, init),
            request.options,
            spawnPartWorker,
          )(request.url, request.file, onProgress);
    onProgress({ phase: 'validate', loaded: 0, total: null });
    const indexStart = performance.now();
    const table = result.table;
    // A big file's KD-tree is built on the other core meanwhile (see spatial-worker-client.ts).
    const remoteSpatial = spatialHelper?.build(table.position) ?? null;
    const rowIndexes = buildRowIndexesWire(table);
    const points = buildIncidentPoints(table);
    const waitStart = performance.now();
    const spatial = (await remoteSpatial) ?? spatialToWire(buildSpatialIndex(table.position));
    const spatialWait = performance.now() - waitStart;
    const indexes = { ...rowIndexes, spatial };
    result.prebuilt = { indexes, points };
    if (result.timings) {
      result.timings.index = performance.now() - indexStart;
      result.timings.worker = performance.now() - start;
      result.timings.startedAt = performance.timeOrigin + start;
      if (remoteSpatial) result.timings.spatialWait = spatialWait;
    }
    post({ type: 'done', result }, [
      ...tableBuffers(result.table),
      ...indexesBuffers(indexes),
      ...pointsBuffers(points),
    ]);
  } catch (err) {
    spatialHelper?.cancel();
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
};
