/**
 * The header's Import button, the page-wide drop target (dragging a file over the app shows
 * "Drop to import"; dropping it opens the dialog with that file) and the dialog, loaded on first
 * use so the CSV parser stays out of the first download.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../store-context';
import type { IncidentsMerger } from '../../data/merge-in-worker';
import type { FileLoader } from './run-import';

const ImportDialog = lazy(() => import('./import-dialog'));

/** Whether a drag carries files (not text or a link dragged within the page). */
function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/** Import button, drop overlay and dialog; shown once the data is loaded. */
export function ImportButton({ load, merge }: { load?: FileLoader; merge?: IncidentsMerger }) {
  const ready = useAppStore((s) => s.status === 'ready');
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<{ file: File } | null>(null);
  const [dragging, setDragging] = useState(false);
  const wasOpen = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // After the dialog has gone (and the page is no longer inert), focus returns to the button.
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // The listeners stay on while the data loads, so a file dropped then is not opened by the
  // browser in place of the app; it is only taken once the map is ready.
  const readyRef = useRef(ready);
  useEffect(() => {
    readyRef.current = ready;
  }, [ready]);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      if (readyRef.current) setDragging(true);
    };
    const over = (e: DragEvent) => {
      // Without this the browser opens the dropped file in place of the app.
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file || !readyRef.current) return;
      // Another modal dialog (Export) is open: one dialog at a time.
      if (document.querySelector('[aria-modal="true"]:not([data-testid="import-dialog"])')) return;
      setDropped({ file });
      setOpen(true);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!ready) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setDropped(null);
          setOpen(true);
        }}
      >
        Import
      </button>
      {dragging &&
        !open &&
        createPortal(
          <div className="import-overlay" data-testid="drop-overlay">
            <p>Drop to import</p>
          </div>,
          document.body,
        )}
      {open && (
        <Suspense fallback={null}>
          <ImportDialog
            dropped={dropped}
            load={load}
            merge={merge}
            onClose={() => {
              setOpen(false);
              setDropped(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
