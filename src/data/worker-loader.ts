/**
 * Runs the incidents loader in a Web Worker so a big file never freezes the page; the columns come
 * back as transferred typed arrays.
 */
import { FetchJsonError } from './fetch-json';
import type { IncidentsLoader, WorkerMessage } from './incident-loader';

/** Loads in a Web Worker; aborting the signal stops the worker and rejects with "loading was cancelled". */
export const loadIncidentsInWorker: IncidentsLoader = (url, file, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./incidents-worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new FetchJsonError('loading was cancelled'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.(m.progress);
      else {
        finish();
        if (m.type === 'done') resolve(m.result);
        else reject(new FetchJsonError(m.reason));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new FetchJsonError(`could not be loaded (${e.message || 'the loader failed'})`));
    };
    worker.postMessage({ url: new URL(url, location.href).href, file });
  });
