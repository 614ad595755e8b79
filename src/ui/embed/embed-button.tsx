/** The header's Embed button and its dialog (loaded on first use). */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const EmbedDialog = lazy(() => import('./embed-dialog'));

/** Embed button; focus returns to it when the dialog closes. */
export function EmbedButton() {
  const [open, setOpen] = useState(false);
  const wasOpen = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Embed
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
