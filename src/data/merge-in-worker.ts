/**
 * Adding imported incidents to the current ones in a Web Worker (merge-worker.ts), with the merged
 * table's indexes and layer attributes built there too; on the calling thread for tests.
 */
import { FetchJsonError } from './fetch-json';
import type { IncidentsResult } from './incident-loader';
import type { IncidentTable } from './incident-table';
import type { LoadIssue } from './load-report';
import { mergeIncidentTables } from './merge-incidents';

/** The merged table, the clashing ids, and (from the worker) its indexes and attributes. */
export type MergeResult = Pick<IncidentsResult, 'table' | 'prebuilt'> & { issues: LoadIssue[] };

/** What the merge worker is asked to do. */
export interface MergeRequest {
  current: IncidentTable;
  added: IncidentTable;
  file: string;
}

/** Messages from the merge worker. */
export type MergeMessage =
  { type: 'done'; result: MergeResult } | { type: 'error'; reason: string };

/** Merges `added` (from `file`) into `current`. */
export type IncidentsMerger = (
  current: IncidentTable,
  added: IncidentTable,
  file: string,
  signal?: AbortSignal,
) => Promise<MergeResult>;

/** On the calling thread (tests; no prebuilt indexes: the store builds them). */
export const mergeHere: IncidentsMerger = async (current, added, file) =>
  mergeIncidentTables(current, added, file);

/** In a fresh worker; aborting `signal` stops it ("loading was cancelled"). */
export const mergeInWorker: IncidentsMerger = (current, added, file, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FetchJsonError('loading was cancelled'));
      return;
    }
    const worker = new Worker(new URL('./merge-worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new FetchJsonError('loading was cancelled'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<MergeMessage>) => {
      finish();
      if (e.data.type === 'done') resolve(e.data.result);
      else reject(new FetchJsonError(`could not be added (${e.data.reason})`));
    };
    worker.onerror = (e) => {
      finish();
      reject(new FetchJsonError(`could not be added (${e.message || 'the merge failed'})`));
    };
    // Both tables are copied (structured clone, a memcpy of their columns), never transferred:
    // the current one stays on the map until the merged one is applied.
    const request: MergeRequest = { current, added, file };
    worker.postMessage(request);
  });
