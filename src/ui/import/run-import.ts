/**
 * One import from start to finish: the file is loaded (in a Web Worker in the app), checked, turned
 * into the new data (replace or add) and applied to the store; the data source is recorded. Any
 * failure (unreadable, no valid rows, nothing new, cancelled) throws an ImportError before the
 * store is touched, so the previous data stays on the map.
 */
import type { ColumnMapping, CsvFormat } from '../../data/csv-columns';
import { importedData } from '../../data/imported-data';
import type { IncidentsResult } from '../../data/incident-loader';
import { DEFAULT_DATA_URLS } from '../../data/load-all';
import type { ProgressListener } from '../../data/load-progress';
import type { LoadIssue } from '../../data/load-report';
import { mergeHere, type IncidentsMerger } from '../../data/merge-in-worker';
import type { FileLoadOptions } from '../../data/worker-loader';
import {
  dataSource,
  importedDataset,
  incidentFiles,
  setDataSource,
  sourceAfterImport,
  type ImportMode,
} from '../../state/data-source';
import type { AppStore } from '../../state/store';

/** Loads a local incidents file (the app: `loadIncidentsFileInWorker`). */
export type FileLoader = (file: Blob, options: FileLoadOptions) => Promise<IncidentsResult>;

/** What to import and how. */
export interface ImportRequest {
  file: File;
  mode: ImportMode;
  /** For a CSV: the mapping chosen in the column-mapping step. */
  mapping?: ColumnMapping;
  format?: CsvFormat;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** An import that was not applied: the message names the file and the cause. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** The file's rejected rows, when it was read but nothing could be used. */
    readonly issues: LoadIssue[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/** What an applied import brought. */
export interface ImportSummary {
  file: string;
  /** Incidents added to the map. */
  added: number;
  /** Rows of the file that were skipped. */
  skipped: number;
}

const cancelledError = (name: string) =>
  new ImportError(`Import cancelled: ${name} was not loaded.`, [], true);

/** The error for a failed step: cancelled when the signal was aborted, else the cause. */
function stepError(name: string, e: unknown, signal?: AbortSignal): ImportError {
  if (signal?.aborted) return cancelledError(name);
  return new ImportError(`${name} ${e instanceof Error ? e.message : String(e)}.`);
}

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;

/** Loads, checks and applies one file; throws ImportError and leaves the store as it was on failure. */
export async function runImport(
  store: AppStore,
  req: ImportRequest,
  load: FileLoader,
  merge: IncidentsMerger = mergeHere,
): Promise<ImportSummary> {
  const name = req.file.name || 'imported file';
  let result: IncidentsResult;
  try {
    result = await load(req.file, {
      name,
      onProgress: req.onProgress,
      signal: req.signal,
      ...(req.mapping ? { mapping: req.mapping, format: req.format, fileFormat: 'csv' } : {}),
    });
  } catch (e) {
    throw stepError(name, e, req.signal);
  }
  if (req.signal?.aborted) throw cancelledError(name);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (result.table.length === 0) {
    throw new ImportError(
      errors.length
        ? `${name} has no valid incidents: ${plural(errors.length, 'problem')} found (listed below).`
        : `${name} has no incidents.`,
      result.issues,
    );
  }
  const current = store.getState().data;
  if (!current) throw new ImportError(`${name} cannot be added before the map has loaded.`);
  let merged;
  if (req.mode === 'add') {
    req.onProgress?.({ phase: 'validate', loaded: 0, total: null });
    try {
      merged = await merge(current.incidents, result.table, name, req.signal);
    } catch (e) {
      throw stepError(name, e, req.signal);
    }
    if (req.signal?.aborted) throw cancelledError(name);
  }
  // The store may have changed while the worker ran (a reload): apply only onto what was merged.
  if (store.getState().data !== current) {
    throw new ImportError(`${name} was not applied: the data on the map changed meanwhile.`);
  }
  const before = dataSource.getState();
  const shownFiles = incidentFiles(before, DEFAULT_DATA_URLS.incidents);
  // The dataset description depends on the source after the import, which needs the count.
  const draft = importedData(
    current,
    result,
    { file: name, mode: req.mode, shownFiles, dataset: null },
    merged,
  );
  if (draft.added === 0) {
    throw new ImportError(
      `${name} added nothing: every one of its ${plural(result.table.length, 'incident')} has an id already on the map.`,
      [...result.issues, ...(merged?.issues ?? [])],
    );
  }
  const source = sourceAfterImport(before, name, req.mode, draft.added, current.dataset);
  const data = { ...draft.data, dataset: importedDataset(source) };
  const state = store.getState();
  state.select(null);
  state.setData(data, {});
  store.getState().requestResetView();
  setDataSource(source);
  return { file: name, added: draft.added, skipped: errors.length };
}
