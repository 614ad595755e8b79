/**
 * The frame of the app's modal dialogs (export, import, embed): a backdrop over the page, a
 * labelled `role="dialog"` that keeps Tab inside and closes on Escape, and the page behind made
 * inert while it is open.
 */
import type { ReactNode, RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useInertBackground, useModalKeys } from './modal';

export function ModalDialog({
  dialogRef,
  labelledBy,
  onClose,
  className,
  backdropClassName = '',
  testId,
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
  children: ReactNode;
}) {
  useInertBackground();
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
