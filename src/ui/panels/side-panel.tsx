/** The side panel: shows the selection (base, incident, country) or About; Escape or × closes it. */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../store-context';
import { AboutPanel } from './about-panel';
import { BasePanel } from './base-panel';
import { CountryPanel } from './country-panel';
import { IncidentPanel } from './incident-panel';

/** Side panel container. */
export function SidePanel() {
  const selection = useAppStore((s) => s.selection);
  const aboutOpen = useAppStore((s) => s.aboutOpen);
  const ready = useAppStore((s) => s.status === 'ready' && s.data !== null);
  const select = useAppStore((s) => s.select);
  const setAboutOpen = useAppStore((s) => s.setAboutOpen);
  const ref = useRef<HTMLElement>(null);
  const open = aboutOpen || (ready && selection !== null);
  const key = aboutOpen ? 'about' : selection ? `${selection.kind}:${selection.id}` : '';

  const close = () => (aboutOpen ? setAboutOpen(false) : select(null));

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // The chooser handles Escape first (capture phase) and marks it handled.
      if (e.key === 'Escape' && !e.defaultPrevented) {
        if (aboutOpen) setAboutOpen(false);
        else select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, aboutOpen, select, setAboutOpen]);

  // A new subject: back to the top, and focus its heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (!key) return;
    ref.current?.scrollTo?.({ top: 0 });
    ref.current?.querySelector<HTMLElement>('#panel-title')?.focus({ preventScroll: true });
  }, [key]);

  if (!open) return null;
  return (
    <aside className="side-panel" ref={ref} aria-label="Details" data-testid="side-panel">
      <button type="button" className="close-button" onClick={close} aria-label="Close panel">
        ×
      </button>
      {aboutOpen ? (
        <AboutPanel />
      ) : selection?.kind === 'base' ? (
        <BasePanel id={selection.id} />
      ) : selection?.kind === 'incident' ? (
        <IncidentPanel id={selection.id} />
      ) : selection ? (
        <CountryPanel iso3={selection.id} />
      ) : null}
    </aside>
  );
}
