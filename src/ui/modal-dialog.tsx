/**
 * The frame of the app's modal dialogs (export, import, embed): a backdrop over the page, a
 * labelled `role="dialog"` that keeps Tab inside and closes on Escape, and the page behind made
 * inert while it is open. Its first field (or `initialFocus`) takes focus as it opens.
 */
import { useLayoutEffect, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useInertBackground, useModalKeys } from './modal';

export function ModalDialog({
  dialogRef,
  labelledBy,
  onClose,
  className,
  backdropClassName = '',
  testId,
  initialFocus = 'input',
  children,
}: {
  dialogRef: RefObject<HTMLDivElement | null>;
  /** The id of the dialog's heading. */
  labelledBy: string;
  onClose(): void;
  /** Classes added to `export-dialog` (its base look). */
  className?: string;
  backdropClassName?: string;
  testId?: string;
  /** A selector for the element focused when the dialog opens. */
  initialFocus?: string;
  children: ReactNode;
}) {
  useInertBackground();
  // A layout effect, so focus is inside the dialog the moment it is in the page (a passive effect
  // may run a frame later, after a key press has already gone to the page behind).
  useLayoutEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>(initialFocus)?.focus();
    // Only on opening: later renders must not pull focus back to the first field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onKeyDown = useModalKeys(dialogRef, onClose);
  return createPortal(
    <div className={`export-backdrop ${backdropClassName}`.trim()}>
      <div
        ref={dialogRef}
        className={`export-dialog ${className ?? ''}`.trim()}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
