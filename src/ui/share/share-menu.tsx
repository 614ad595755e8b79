/**
 * The header's "Share" menu: "Copy link" (the permalink of the store's view with the map's
 * `#map=` camera) and "Cite this view". A refused clipboard shows the link in a selected,
 * read-only field instead. Confirmations go through a live region. With a local file on the map
 * the menu and the confirmation say that the link opens without it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { dataSource, linkedIncidents, localDataWarning } from '../../state/data-source';
import { permalink } from '../../state/url-sync';
import { useAppStoreApi } from '../store-context';
import { CiteDialog } from './cite-dialog';
import { copyText } from './clipboard';

/** Share menu with its status line and the citation dialog. */
export function ShareMenu() {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const [citing, setCiting] = useState(false);
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const source = useStore(dataSource);
  // The link opens the page's own data (its `incidents=`, else the default), never a local file.
  const warningFor = (link: string) => localDataWarning(source, 'link', linkedIncidents(link));
  const warning = open ? warningFor(permalink(store.getState())) : null;

  useEffect(() => {
    if (fallback) field.current?.select();
  }, [fallback]);

  // The confirmation is a toast: it goes after a few seconds (the live region announced it).
  useEffect(() => {
    if (status !== 'Link copied') return;
    const t = setTimeout(() => setStatus(''), 5000);
    return () => clearTimeout(t);
  }, [status]);

  // A click elsewhere closes the menu (the link field stays usable inside it).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const copyLink = async () => {
    const link = permalink(store.getState());
    const warn = warningFor(link);
    if (await copyText(link)) {
      setFallback(null);
      setOpen(false);
      setStatus(warn ? `Link copied. ${warn}` : 'Link copied');
    } else {
      setFallback(link);
      setStatus('The clipboard was refused: the link is selected below, copy it with Ctrl+C.');
    }
  };

  return (
    <div
      className="share-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpen(!open);
          setStatus('');
        }}
      >
        Share
      </button>
      <span className="share-status" role="status" data-testid="share-status">
        {status}
      </span>
      {open && (
        <div id={menuId} className="share-popover" role="group" aria-label="Share this view">
          <button type="button" onClick={() => void copyLink()}>
            Copy link
          </button>
          {warning && (
            <p className="local-data-note" data-testid="share-local-note">
              {warning}
            </p>
          )}
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setCiting(true);
            }}
          >
            Cite this view
          </button>
          {fallback && (
            <label className="share-fallback">
              Link to this view
              <input ref={field} readOnly value={fallback} onFocus={(e) => e.target.select()} />
            </label>
          )}
        </div>
      )}
      {citing && <CiteDialog onClose={() => setCiting(false)} />}
    </div>
  );
}
