/// <reference lib="webworker" />
/**
 * Web Worker: fetches, parses, validates and normalizes the incidents file off the main thread,
 * reporting progress by phase, builds the indexes and the layer's attributes, and transfers all
 * of it back (typed arrays move, they are not copied).
 */
import { incidentsLoaderHere, tableBuffers, type WorkerMessage } from './incident-loader';
import { buildIncidentIndexesWire, indexesBuffers } from './incident-indexes';
import type { LoadProgress } from './load-progress';
// The map's point attributes are built here too, so the main thread only wraps buffers.
import { buildIncidentPoints, pointsBuffers } from '../map/incident-points';

const PROGRESS_EVERY_MS = 100;

self.onmessage = async (e: MessageEvent<{ url: string; file: string }>) => {
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
  try {
    const result = await incidentsLoaderHere((url) => fetch(url))(
      e.data.url,
      e.data.file,
      onProgress,
    );
    onProgress({ phase: 'validate', loaded: 0, total: null });
    const indexes = buildIncidentIndexesWire(result.table);
    const points = buildIncidentPoints(result.table);
    result.prebuilt = { indexes, points };
    post({ type: 'done', result }, [
      ...tableBuffers(result.table),
      ...indexesBuffers(indexes),
      ...pointsBuffers(points),
    ]);
  } catch (err) {
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
};
