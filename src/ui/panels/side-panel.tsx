/** The side panel: shows About, the base ranking, or the selection (base, incident, country); Escape or × closes it. */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../store-context';
import { AboutPanel } from './about-panel';
import { BasePanel } from './base-panel';
import { ComparePanel } from './compare-panel';
import { CountryPanel } from './country-panel';
import { IncidentPanel } from './incident-panel';
import { useCountryOutlines } from './use-country-outlines';

/** Side panel container. */
export function SidePanel() {
  useCountryOutlines();
  const selection = useAppStore((s) => s.selection);
  const aboutOpen = useAppStore((s) => s.aboutOpen);
  const ready = useAppStore((s) => s.status === 'ready' && s.data !== null);
  const select = useAppStore((s) => s.select);
  const setAboutOpen = useAppStore((s) => s.setAboutOpen);
  const compareOpen = useAppStore((s) => s.compareOpen);
  const setCompareOpen = useAppStore((s) => s.setCompareOpen);
  const ref = useRef<HTMLElement>(null);
  const comparing = ready && compareOpen && !aboutOpen;
  const open = aboutOpen || comparing || (ready && selection !== null);
  const key = aboutOpen
    ? 'about'
    : comparing
      ? 'compare'
      : selection
        ? `${selection.kind}:${selection.id}`
        : '';

  // A new selection (a map click, a link) shows its panel instead of the ranking.
  const shownSelection = useRef(selection);
  useEffect(() => {
    if (shownSelection.current === selection) return;
    shownSelection.current = selection;
    if (selection && compareOpen) setCompareOpen(false);
  }, [selection, compareOpen, setCompareOpen]);

  // Closing the ranking returns to the selection it covered, if any.
  const close = () =>
    aboutOpen ? setAboutOpen(false) : comparing ? setCompareOpen(false) : select(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // The chooser handles Escape first (capture phase) and marks it handled.
      if (e.key === 'Escape' && !e.defaultPrevented) {
        if (aboutOpen) setAboutOpen(false);
        else if (comparing) setCompareOpen(false);
        else select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, aboutOpen, comparing, select, setAboutOpen, setCompareOpen]);

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
      ) : comparing ? (
        <ComparePanel />
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
