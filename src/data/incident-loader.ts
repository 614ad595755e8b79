/**
 * Loading the incidents file: fetch (with progress by bytes), parse, validate and normalize, on
 * the calling thread (tests, and inside the loader worker: see worker-loader.ts).
 */
import {
  contentLength,
  FETCH_TIMEOUT_MS,
  fetchOk,
  FetchJsonError,
  htmlPageReason,
  withIdleTimeout,
  type FetchLike,
  type FetchOptions,
} from './fetch-json';
import type { CsvInfo } from './csv-import';
import { buildIncidentTable } from './incident-columns';
import { readIncidents, type ReadIncidentsOptions } from './read-incidents';
import { TEXT_FIELDS, type IncidentTable } from './incident-table';
import type { LoadIssue } from './load-report';
import type { IncidentIndexesWire } from './incident-indexes';
// Type only: the worker (the composition root on its thread) builds the map's point attributes.
import type { IncidentPoints } from '../map/incident-points';
import type { LoadPhase, ProgressListener } from './load-progress';
import type { SplitReading } from './split-stream';

/** Starts a second worker for a big file's second part (see split-stream.ts). */
export type SpawnPartWorker = SplitReading['spawn'];

/** The loaded incidents and what was rejected. */
export interface IncidentsResult {
  table: IncidentTable;
  issues: LoadIssue[];
  /**
   * Milliseconds spent in each phase (download, JSON parse, validate and normalize); the loader
   * worker adds `index` (indexes and layer attributes) and `worker` (its whole run); `parts`
   * is 2 when a big file was read by two workers at once (split-stream.ts), and `partWait` how
   * long the first waited for the second (a balance check); `spatialWait`, how long the indexes
   * waited for the KD-tree built by a helper worker (spatial-worker-client.ts).
   */
  timings?: Record<LoadPhase, number> & {
    index?: number;
    worker?: number;
    parts?: number;
    partWait?: number;
    spatialWait?: number;
    /** When the worker started (ms on the wall clock, `timeOrigin + now()`). */
    startedAt?: number;
  };
  /** Indexes and layer attributes built next to the table (by the loader worker). */
  prebuilt?: { indexes: IncidentIndexesWire; points: IncidentPoints };
  /** For a CSV file: its format, headers, separator and the column mapping used. */
  csv?: CsvInfo;
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
 * bytes arrive; GeoJSON or CSV, see read-incidents.ts) when the response has a body stream, else
 * read whole. A server that stalls for `timeoutMs` fails the file.
 */
export function incidentsLoaderHere(
  fetchFn: FetchLike,
  options: FetchOptions & ReadIncidentsOptions = {},
  spawn?: SpawnPartWorker,
): IncidentsLoader {
  return async (url, file, onProgress) => {
    const start = performance.now();
    const bodyOf = async (response: Response) =>
      withIdleTimeout(response.body!, options.timeoutMs ?? FETCH_TIMEOUT_MS);
    const response = await fetchOk(url, fetchFn, options);
    if (response.body) {
      // A big file may be read in two parts; if that fails it is fetched again, in one part.
      const split = spawn && {
        spawn,
        restart: async () => bodyOf(await fetchOk(url, fetchFn, options)),
      };
      const body = await bodyOf(response);
      return readIncidents(body, contentLength(response), file, onProgress, options, split);
    }
    const text = await response.text();
    const html = htmlPageReason(text.slice(0, 4096));
    if (html) throw new FetchJsonError(html);
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
    const result = buildIncidentTable(json, file, options);
    const timings = {
      fetch: parseStart - start,
      parse: validateStart - parseStart,
      validate: performance.now() - validateStart,
    };
    return { ...result, timings };
  };
}

/**
 * Loads incidents from a local file (a `File` or `Blob`: GeoJSON, CSV or ACLED CSV) on the
 * calling thread; `name` is the file name in the load report.
 */
export function loadIncidentsFromBlob(
  blob: Blob,
  name: string,
  onProgress?: ProgressListener,
  options: ReadIncidentsOptions = {},
  spawn?: SpawnPartWorker,
): Promise<IncidentsResult> {
  const split = spawn && { spawn, restart: async () => blob.stream() };
  return readIncidents(
    blob.stream(),
    blob.size || null,
    name,
    onProgress,
    { htmlVerb: 'is', ...options },
    split,
  );
}

/** What the loader worker is asked to load: a URL, or a local file. */
export type WorkerRequest =
  | { url: string; file: string; options?: FetchOptions & ReadIncidentsOptions }
  | { blob: Blob; file: string; options?: ReadIncidentsOptions };

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
