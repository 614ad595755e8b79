/**
 * Loading the incidents file: fetch (with progress by bytes), parse, validate and normalize, on
 * the calling thread (tests, and inside the loader worker: see worker-loader.ts).
 */
import { contentLength, fetchOk, FetchJsonError, type FetchLike } from './fetch-json';
import { buildIncidentTable } from './incident-columns';
import { readIncidentStream } from './incident-stream';
import { TEXT_FIELDS, type IncidentTable } from './incident-table';
import type { LoadIssue } from './load-report';
import type { IncidentIndexesWire } from './incident-indexes';
// Type only: the worker (the composition root on its thread) builds the map's point attributes.
import type { IncidentPoints } from '../map/incident-points';
import type { LoadPhase, ProgressListener } from './load-progress';

/** The loaded incidents and what was rejected. */
export interface IncidentsResult {
  table: IncidentTable;
  issues: LoadIssue[];
  /** Milliseconds spent in each phase (download, JSON parse, validate and normalize). */
  timings?: Record<LoadPhase, number>;
  /** Indexes and layer attributes built next to the table (by the loader worker). */
  prebuilt?: { indexes: IncidentIndexesWire; points: IncidentPoints };
}

/** Loads incidents from `url`; `file` names the file in the load report. */
export type IncidentsLoader = (
  url: string,
  file: string,
  onProgress?: ProgressListener,
  signal?: AbortSignal,
) => Promise<IncidentsResult>;

/**
 * Loads on the calling thread with the given fetch: streamed (parsed and validated in batches as
 * bytes arrive) when the response has a body stream, else read whole.
 */
export function incidentsLoaderHere(fetchFn: FetchLike): IncidentsLoader {
  return async (url, file, onProgress) => {
    const start = performance.now();
    const response = await fetchOk(url, fetchFn);
    if (response.body) {
      return readIncidentStream(response.body, contentLength(response), file, onProgress);
    }
    const text = await response.text();
    const parseStart = performance.now();
    onProgress?.({ phase: 'parse', loaded: text.length, total: text.length });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
    }
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
  const arrays: { buffer: ArrayBufferLike }[] = [
    t.day,
    t.typeIndex,
    t.position,
    t.usKilled,
    t.usInjured,
    t.confidence,
    t.precision,
  ];
  for (const f of TEXT_FIELDS) arrays.push(t.text[f]);
  arrays.push(t.packed.offsets, t.packed.chunkStart);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
