/**
 * Loading the incidents file: fetch (with progress by bytes), parse, validate and normalize, on
 * the calling thread (tests, and inside the loader worker: see worker-loader.ts).
 */
import { fetchJson, type FetchLike } from './fetch-json';
import { buildIncidentTable, TEXT_FIELDS, type IncidentTable } from './incident-table';
import type { LoadIssue } from './load-report';
import type { LoadPhase, ProgressListener } from './load-progress';

/** The loaded incidents and what was rejected. */
export interface IncidentsResult {
  table: IncidentTable;
  issues: LoadIssue[];
  /** Milliseconds spent in each phase (download, JSON parse, validate and normalize). */
  timings?: Record<LoadPhase, number>;
}

/** Loads incidents from `url`; `file` names the file in the load report. */
export type IncidentsLoader = (
  url: string,
  file: string,
  onProgress?: ProgressListener,
  signal?: AbortSignal,
) => Promise<IncidentsResult>;

/** Loads on the calling thread with the given fetch. */
export function incidentsLoaderHere(fetchFn: FetchLike): IncidentsLoader {
  return async (url, file, onProgress) => {
    const start = performance.now();
    let parseStart = start;
    const json = await fetchJson(url, fetchFn, (p) => {
      if (p.phase === 'parse') parseStart = performance.now();
      onProgress?.(p);
    });
    const validateStart = performance.now();
    onProgress?.({ phase: 'validate', loaded: 0, total: null });
    const result = buildIncidentTable(json, file);
    const timings = {
      fetch: parseStart - start,
      parse: validateStart - parseStart,
      validate: performance.now() - validateStart,
    };
    return { ...result, timings };
  };
}

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'progress'; progress: Parameters<ProgressListener>[0] }
  | { type: 'done'; result: IncidentsResult }
  | { type: 'error'; reason: string };

/** The typed arrays of a table, to transfer instead of copy. */
export function tableBuffers(t: IncidentTable): ArrayBuffer[] {
  const arrays = [
    t.day,
    t.typeIndex,
    t.position,
    t.usKilled,
    t.usInjured,
    t.confidence,
    t.precision,
  ];
  for (const f of TEXT_FIELDS) arrays.push(t.text[f]);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
