"use client";

import { useModalDialog } from "./use-modal-dialog";

/**
 * A native modal <dialog>, open while `isOpen` (see useModalDialog): focus stays inside it, Escape asks `onClose`
 * (which may decline, as a dialog still at work does), and its contents are drawn only while it is open.
 */
export function ModalDialog({
  isOpen,
  onClose,
  labelledBy,
  className,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  /** The id of the dialog's title. */
  labelledBy: string;
  className: string;
  children: React.ReactNode;
}) {
  const dialogRef = useModalDialog(isOpen);
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={className}
    >
      {isOpen && children}
    </dialog>
  );
}
