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
import { buildIncidentIndexesWire, indexesBuffers } from './incident-indexes';
import type { LoadProgress } from './load-progress';
import { spawnPartWorker } from './part-worker-client';
// The map's point attributes are built here too, so the main thread only wraps buffers.
import { buildIncidentPoints, pointsBuffers } from '../map/incident-points';

const PROGRESS_EVERY_MS = 100;

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
    self.postMessage(m, { transfer });
  let last = 0;
  const onProgress = (progress: LoadProgress) => {
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
    const indexes = buildIncidentIndexesWire(result.table);
    const points = buildIncidentPoints(result.table);
    result.prebuilt = { indexes, points };
    if (result.timings) {
      result.timings.index = performance.now() - indexStart;
      result.timings.worker = performance.now() - start;
    }
    post({ type: 'done', result }, [
      ...tableBuffers(result.table),
      ...indexesBuffers(indexes),
      ...pointsBuffers(points),
    ]);
  } catch (err) {
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
};
