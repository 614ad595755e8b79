/**
 * Runs the incidents loader in a Web Worker so a big file never freezes the page; the columns come
 * back as transferred typed arrays. Loads a URL (the app's data files) or a local file (import).
 */
import { FetchJsonError } from './fetch-json';
import type {
  IncidentsLoader,
  IncidentsResult,
  WorkerMessage,
  WorkerRequest,
} from './incident-loader';
import type { ProgressListener } from './load-progress';
import type { ReadIncidentsOptions } from './read-incidents';

/** Runs one request in a fresh worker; aborting `signal` stops it ("loading was cancelled"). */
function runInWorker(
  request: WorkerRequest,
  onProgress?: ProgressListener,
  signal?: AbortSignal,
): Promise<IncidentsResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FetchJsonError('loading was cancelled'));
      return;
    }
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
        if (m.type === 'done') {
          // The hand-over's start, for profiling (`npm run bench` reports the marks).
          performance.mark('incidents-worker-done');
          const t = m.result.timings;
          if (t?.startedAt)
            performance.mark('incidents-worker-start', {
              startTime: t.startedAt - performance.timeOrigin,
            });
          resolve(m.result);
        } else reject(new FetchJsonError(m.reason));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new FetchJsonError(`could not be loaded (${e.message || 'the loader failed'})`));
    };
    worker.postMessage(request);
  });
}

/** Loads in a Web Worker; aborting the signal stops the worker and rejects with "loading was cancelled". */
export const loadIncidentsInWorker: IncidentsLoader = (url, file, onProgress, signal) =>
  runInWorker({ url: new URL(url, location.href).href, file }, onProgress, signal);

/** Options of `loadIncidentsFileInWorker`. */
export interface FileLoadOptions extends ReadIncidentsOptions {
  /** The name in the load report (default: the file's own name). */
  name?: string;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/**
 * Loads a local incidents file (GeoJSON, CSV or ACLED CSV; a `File` from a drop or a file picker)
 * in a Web Worker, with progress and cancel. Resolves to the same result as the URL path, plus
 * `csv` (format, headers, separator, mapping used) for CSV files; rejects with a FetchJsonError
 * whose message follows the file name ("is not valid JSON (…)", "loading was cancelled").
 * Pass `mapping` (and `format`) from the column-mapping step to override the detected columns.
 */
export function loadIncidentsFileInWorker(
  file: Blob,
  options: FileLoadOptions = {},
): Promise<IncidentsResult> {
  const { name, onProgress, signal, ...read } = options;
  const fileName = name ?? (file as File).name ?? 'imported file';
  return runInWorker({ blob: file, file: fileName, options: read }, onProgress, signal);
}
