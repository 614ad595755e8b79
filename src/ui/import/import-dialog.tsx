/**
 * The Import dialog: choose or drop a file (GeoJSON, CSV, ACLED CSV), map a CSV's columns, choose
 * to replace the incidents or add the file's beside them, then load it in a Web Worker with
 * progress and Cancel. A modal dialog like Export: Tab stays inside, Escape closes it (cancelling
 * a running load), the page behind is inert. A failure is shown here and changes nothing on the map.
 */
import { useEffect, useId, useRef, useState, useLayoutEffect } from 'react';
import type { ColumnMapping, CsvFormat } from '../../data/csv-columns';
import type { LoadProgress } from '../../data/load-progress';
import { mergeInWorker, type IncidentsMerger } from '../../data/merge-in-worker';
import { loadIncidentsFileInWorker } from '../../data/worker-loader';
import type { ImportMode } from '../../state/data-source';
import { useAppStoreApi } from '../store-context';
import { ImportFailure } from './import-failure';
import { inspectFile, type FileKind } from './inspect-file';
import { MappingStep, missingFields } from './mapping-step';
import { ModalDialog } from '../modal-dialog';
import { ImportError, runImport, type FileLoader, type ImportSummary } from './run-import';

/** File types the picker offers. */
export const ACCEPT = '.geojson,.json,.csv,.tsv,.txt';

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
/** A file size in words: "820 KB", "212.4 MB". */
const size = (bytes: number) =>
  bytes < 2 ** 20 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${mb(bytes)} MB`;

/** Bytes read so far, in words, with the share done. */
function progressText(p: LoadProgress | null, size: number): string {
  if (!p || p.phase !== 'fetch') return 'Checking and indexing…';
  const total = p.total ?? size;
  const pct = total ? Math.min(100, Math.round((p.loaded / total) * 100)) : 0;
  return `Reading ${mb(p.loaded)} of ${mb(total)} MB (${pct}%)`;
}

/** The Import dialog. `dropped` is a file dropped on the page (a new object on each drop). */
export default function ImportDialog({
  onClose,
  onImported,
  dropped,
  load = loadIncidentsFileInWorker,
  merge = mergeInWorker,
}: {
  onClose(): void;
  onImported?(summary: ImportSummary): void;
  dropped?: { file: File } | null;
  load?: FileLoader;
  /** Adds the file's incidents to the current ones (the app: in a worker). */
  merge?: IncidentsMerger;
}) {
  const store = useAppStoreApi();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<FileKind | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [format, setFormat] = useState<CsvFormat>('generic');
  const [mode, setMode] = useState<ImportMode>('replace');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [error, setError] = useState<ImportError | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const jobRef = useRef<AbortController | null>(null);
  const chosenRef = useRef<File | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Paused in the commit that shows the dialog, so no playback step lands behind it.
  useLayoutEffect(() => {
    store.getState().pause();
  }, [store]);
  useEffect(() => () => jobRef.current?.abort(), []);
  // The Import button gives way to Cancel while loading, then comes back: focus follows, so it
  // never falls out of the dialog (where Escape and Tab would no longer reach it).
  useEffect(() => {
    if (running) cancelRef.current?.focus();
  }, [running]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  /** Takes a file: reads its start for the mapping step (the latest choice wins). */
  const choose = async (f: File) => {
    if (jobRef.current) return;
    chosenRef.current = f;
    setFile(f);
    setKind(null);
    setError(null);
    try {
      const k = await inspectFile(f);
      if (chosenRef.current !== f) return;
      setKind(k);
      if (k.kind === 'csv') {
        setMapping(k.preview.mapping);
        setFormat(k.preview.format);
      }
    } catch (e) {
      if (chosenRef.current === f) setError(e as ImportError);
    }
  };

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a drop on the page hands its file over
    if (dropped) void choose(dropped.file);
  }, [dropped]);

  const start = async () => {
    if (!file || jobRef.current) return;
    const controller = new AbortController();
    jobRef.current = controller;
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const summary = await runImport(
        store,
        {
          file,
          mode,
          ...(kind?.kind === 'csv' ? { mapping, format } : {}),
          onProgress: setProgress,
          signal: controller.signal,
        },
        load,
        merge,
      );
      jobRef.current = null;
      onImported?.(summary);
      onClose();
    } catch (e) {
      setError(
        e instanceof ImportError
          ? e
          : new ImportError(`${file.name} could not be imported (${(e as Error).message}).`),
      );
    } finally {
      if (jobRef.current === controller) jobRef.current = null;
      setRunning(false);
      setProgress(null);
    }
  };

  const close = () => {
    jobRef.current?.abort();
    onClose();
  };

  const missing = kind?.kind === 'csv' ? missingFields(mapping) : [];
  const canImport = file !== null && kind !== null && missing.length === 0 && !running;
  return (
    <ModalDialog
      dialogRef={dialogRef}
      labelledBy={titleId}
      onClose={close}
      className="import-dialog"
      backdropClassName="import-backdrop"
      testId="import-dialog"
      initialFocus='input[type="file"]'
    >
      <div className="export-head">
        <h2 id={titleId}>Import data</h2>
        <button type="button" className="export-close" onClick={close} aria-label="Close import">
          ×
        </button>
      </div>
      <div
        className={dragOver ? 'import-drop over' : 'import-drop'}
        onDragOver={() => setDragOver(true)}
        onDragLeave={() => setDragOver(false)}
        onDrop={() => setDragOver(false)}
      >
        <label className="import-picker">
          <span>Choose a file</span>
          <input
            type="file"
            accept={ACCEPT}
            disabled={running}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void choose(f);
            }}
          />
        </label>
        <span className="import-hint">
          or drop it here. GeoJSON (a FeatureCollection of points), CSV with latitude, longitude and
          date columns, or an ACLED export. The file stays in this browser.
        </span>
      </div>
      {file && (
        <p className="import-file">
          File: <strong>{file.name}</strong> ({size(file.size)})
          {kind?.kind === 'geojson' && ' · GeoJSON'}
        </p>
      )}
      {kind?.kind === 'csv' && file && (
        <MappingStep
          preview={kind.preview}
          fileName={file.name}
          mapping={mapping}
          format={format}
          disabled={running}
          onChange={(m, f) => {
            setMapping(m);
            setFormat(f);
          }}
        />
      )}
      <fieldset className="export-presets import-mode" disabled={running}>
        <legend>The file&apos;s incidents</legend>
        <label>
          <input
            type="radio"
            name={`${titleId}-mode`}
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />{' '}
          Replace the incidents on the map (bases and force levels stay)
        </label>
        <label>
          <input
            type="radio"
            name={`${titleId}-mode`}
            checked={mode === 'add'}
            onChange={() => setMode('add')}
          />{' '}
          Add them beside the incidents on the map
        </label>
      </fieldset>
      <p className="import-hint">
        Local data is not part of the page&apos;s address: a link to this view opens without it.
      </p>
      {running ? (
        <div className="export-progress import-progress">
          <progress
            aria-label="Import progress"
            {...(progress?.phase === 'fetch'
              ? { max: progress.total ?? file!.size, value: progress.loaded }
              : {})}
          />
          <span role="status">{progressText(progress, file!.size)}</span>
          <button ref={cancelRef} type="button" onClick={() => jobRef.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="export-row">
          <button
            type="button"
            className="export-action"
            disabled={!canImport}
            onClick={() => void start()}
          >
            Import
          </button>
          {missing.length > 0 && (
            <span className="import-missing">Choose a column for {missing.join(', ')}.</span>
          )}
        </div>
      )}
      <div ref={errorRef} tabIndex={-1} className="import-outcome-focus">
        {error && <ImportFailure error={error} />}
      </div>
    </ModalDialog>
  );
}
