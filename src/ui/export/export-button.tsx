/**
 * The header's Export button, the dialog it opens (loaded on first use, so the export code stays
 * out of the first download) and the print-only footer (sources, "data as of") that the print
 * stylesheet shows when the page itself is printed.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store-context';
import { asOfLine, sourcesLine } from './captions';
import type { OpenMap } from './render';

const ExportDialog = lazy(() => import('./export-dialog'));

/** Export button and dialog; shown once the data is loaded. */
export function ExportButton({ openMap }: { openMap: OpenMap }) {
  const ready = useAppStore((s) => s.status === 'ready');
  const [open, setOpen] = useState(false);
  const wasOpen = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // After the dialog has gone (and the page is no longer inert), focus returns to the button.
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!ready) return null;
  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog openMap={openMap} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** Sources and the data's date, printed under the page (hidden on screen; the caveat is in the timeline's text). */
export function PrintFooter() {
  const dataset = useAppStore((s) => s.data?.dataset ?? null);
  const ready = useAppStore((s) => s.status === 'ready');
  if (!ready) return null;
  return (
    <div className="print-footer" aria-hidden="true">
      <p>
        {sourcesLine(dataset)} <span className="print-as-of">{asOfLine(dataset)}</span>
      </p>
    </div>
  );
}
