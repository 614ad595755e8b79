/**
 * "Cite this view": a modal <dialog> with the citation as plain text and as BibTeX, each in a
 * read-only field with a Copy button (the field is selected when the clipboard is refused).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseUrl } from '../../state/url-schema';
import { permalink } from '../../state/url-sync';
import { useAppStoreApi } from '../store-context';
import { citationBibtex, citationText, type CitationInput } from './citation';
import { copyText } from './clipboard';

/** One form of the citation with its Copy button. */
function CitationField({ label, text, rows }: { label: string; text: string; rows: number }) {
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const copy = async () => {
    if (await copyText(text)) setStatus('Copied');
    else {
      area.current?.select();
      setStatus('The clipboard was refused: the text is selected, copy it with Ctrl+C.');
    }
  };
  return (
    <div className="cite-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} readOnly value={text} rows={rows} />
      <div className="cite-actions">
        <button type="button" onClick={() => void copy()}>
          Copy {label === 'BibTeX' ? label : label.toLowerCase()}
        </button>
        <span role="status">{status}</span>
      </div>
    </div>
  );
}

const today = () => new Date();

/** The citation of the current view (taken when the dialog opens). */
export function CiteDialog({ onClose, now = today }: { onClose(): void; now?: () => Date }) {
  const store = useAppStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  const input = useMemo((): CitationInput | null => {
    const s = store.getState();
    if (!s.window) return null;
    return {
      title: s.data?.dataset?.title ?? null,
      asOf: s.data?.dataset?.as_of ?? null,
      source: parseUrl(location.search).state.incidents ?? null,
      window: s.window,
      mode: s.mode,
      spanDays: s.spanDays,
      filters: s.filters,
      url: permalink(s),
      accessed: now(),
    };
  }, [store, now]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom has no showModal; the open attribute is enough there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="cite-dialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Handled here (and marked), so the side panel's Escape keeps its selection.
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="cite-dialog"
    >
      <div className="cite-head">
        <h2 id={titleId}>Cite this view</h2>
        <button type="button" onClick={onClose} aria-label="Close citation">
          ×
        </button>
      </div>
      {input ? (
        <>
          <CitationField label="Citation" text={citationText(input)} rows={5} />
          <CitationField label="BibTeX" text={citationBibtex(input)} rows={8} />
        </>
      ) : (
        <p>There is no view to cite before the data has loaded.</p>
      )}
    </dialog>
  );
}
