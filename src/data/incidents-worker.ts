/// <reference lib="webworker" />
/**
 * Web Worker: fetches, parses, validates and normalizes the incidents file off the main thread,
 * reporting progress by phase, and transfers the columns back.
 */
import { incidentsLoaderHere, tableBuffers, type WorkerMessage } from './incident-loader';
import type { LoadProgress } from './load-progress';

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
    post({ type: 'done', result }, tableBuffers(result.table));
  } catch (err) {
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
};
