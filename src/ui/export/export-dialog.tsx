/**
 * The Export dialog: a PNG of the current view at a preset size, a printed page of the same
 * composition, and a WebM video of a window played back frame by frame. A modal dialog: focus
 * stays inside (Tab wraps), Escape closes it (and cancels a running export), the page behind is
 * inert, and focus goes back to the Export button on close.
 */
import { useCallback, useEffect, useId, useRef, useState, useLayoutEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store-context';
import { cleanTitle, defaultTitle, exportFileName, MAX_TITLE_LENGTH } from './captions';
import { PNG_PRESETS, type PngPreset } from './presets';
import { printComposition } from './print';
import { canvasToPng, downloadBlob, renderComposition, type OpenMap } from './render';
import { VideoSection } from './video-section';
import { ModalDialog } from '../modal-dialog';

/** What the dialog is doing: idle, or one export running (cancellable). */
export interface Job {
  kind: 'png' | 'print' | 'video';
  controller: AbortController;
}

/** The Export dialog. `openMap` renders the map offscreen (given by the app: src/ui never imports src/map). */
export default function ExportDialog({ openMap, onClose }: { openMap: OpenMap; onClose(): void }) {
  const store = useAppStoreApi();
  const dataset = useAppStore((s) => s.data?.dataset ?? null);
  const [title, setTitle] = useState(() => defaultTitle(dataset));
  const [preset, setPreset] = useState<PngPreset['id']>('slide');
  const [job, setJob] = useState<Job | null>(null);
  const [status, setStatus] = useState('');
  const jobRef = useRef<Job | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Paused in the commit that shows the dialog, so no playback step lands behind it.
  useLayoutEffect(() => {
    store.getState().pause();
  }, [store]);
  useEffect(() => () => jobRef.current?.controller.abort(), []);

  const finalTitle = cleanTitle(title) || defaultTitle(dataset);

  /** Runs one export at a time; reports success, cancellation or failure in the status line. */
  const run = useCallback(
    async (kind: Job['kind'], work: (signal: AbortSignal) => Promise<string>) => {
      const next: Job = { kind, controller: new AbortController() };
      jobRef.current = next;
      setJob(next);
      try {
        setStatus(await work(next.controller.signal));
      } catch (e) {
        const cancelled = e instanceof DOMException && e.name === 'AbortError';
        setStatus(cancelled ? 'Cancelled.' : `Export failed: ${(e as Error).message}`);
      } finally {
        if (jobRef.current === next) {
          jobRef.current = null;
          setJob(null);
        }
      }
    },
    [],
  );

  const exportPng = () =>
    run('png', async (signal) => {
      const p = PNG_PRESETS.find((x) => x.id === preset)!;
      setStatus(`Drawing the map at ${p.width} × ${p.height}…`);
      const state = store.getState();
      const canvas = await renderComposition(openMap, state, p, finalTitle);
      if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      const name = exportFileName(state.window, p.id, 'png');
      downloadBlob(await canvasToPng(canvas), name);
      return `Saved ${name} (${p.width} × ${p.height}).`;
    });

  const print = () =>
    run('print', async (signal) => {
      setStatus('Preparing the page…');
      await printComposition(openMap, store.getState(), finalTitle, signal);
      return 'Sent to the printer dialog.';
    });

  const close = () => {
    jobRef.current?.controller.abort();
    onClose();
  };

  const busy = job !== null;
  return (
    <ModalDialog dialogRef={dialogRef} labelledBy={titleId} onClose={close}>
      <div className="export-head">
        <h2 id={titleId}>Export</h2>
        <button type="button" className="export-close" onClick={close} aria-label="Close export">
          ×
        </button>
      </div>
      <label className="export-field">
        <span>Title</span>
        <input
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(e) => setTitle(e.target.value)}
          disabled={busy}
        />
      </label>
      <p className="export-hint">
        Every export shows this title, the window in words, its counts, the legend, the sources and
        the data's date.
      </p>

      <section className="export-section" aria-labelledby={`${titleId}-png`}>
        <h3 id={`${titleId}-png`}>Image (PNG)</h3>
        <fieldset className="export-presets" disabled={busy}>
          <legend>Size</legend>
          {PNG_PRESETS.map((p) => (
            <label key={p.id}>
              <input
                type="radio"
                name={`${titleId}-preset`}
                value={p.id}
                checked={preset === p.id}
                onChange={() => setPreset(p.id)}
              />{' '}
              {p.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="export-action" onClick={exportPng} disabled={busy}>
          {job?.kind === 'png' ? 'Drawing…' : 'Download PNG'}
        </button>
      </section>

      <section className="export-section" aria-labelledby={`${titleId}-print`}>
        <h3 id={`${titleId}-print`}>Print</h3>
        <p className="export-hint">The same composition on one A4 landscape page.</p>
        <button type="button" className="export-action" onClick={print} disabled={busy}>
          {job?.kind === 'print' ? 'Preparing…' : 'Print…'}
        </button>
      </section>

      <VideoSection
        openMap={openMap}
        title={finalTitle}
        job={job}
        run={run}
        setStatus={setStatus}
      />

      <p className="export-status" role="status" aria-live="polite">
        {status}
      </p>
    </ModalDialog>
  );
}
