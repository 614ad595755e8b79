/**
 * Modal dialog helpers shared by the app's dialogs (export, import, embed, citation): Tab wraps
 * inside the dialog and the page behind is inert while it is open.
 */
import { useCallback, useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the dialog. */
export function trapTab(e: KeyboardEvent<HTMLElement>, root: HTMLElement): void {
  const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !root.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !root.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

/** Makes the page behind the dialog (#root) inert while the calling component is mounted. */
export function useInertBackground(): void {
  // Layout effect: the page is inert in the same commit that shows the dialog.
  useLayoutEffect(() => {
    const root = document.getElementById('root');
    if (!root) return;
    root.inert = true;
    return () => {
      root.inert = false;
    };
  }, []);
}

/** The keydown handler of a modal dialog: Escape closes it, Tab stays inside. */
export function useModalKeys(
  dialog: RefObject<HTMLElement | null>,
  close: () => void,
): (e: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Tab' && dialog.current) trapTab(e, dialog.current);
    },
    [dialog, close],
  );
}
