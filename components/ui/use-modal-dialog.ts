"use client";

import { useEffect, useRef } from "react";

/**
 * Opens a native <dialog> as a modal while `isOpen` (focus stays inside it), and gives focus back to the control that
 * opened it when it closes. `focusFirst` says where focus starts; the dialog's first control otherwise.
 */
export function useModalDialog(isOpen: boolean, focusFirst?: () => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const focusFirstRef = useRef(focusFirst);
  useEffect(() => {
    focusFirstRef.current = focusFirst;
  });
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      focusFirstRef.current?.();
    } else if (!isOpen && dialog.open) {
      dialog.close();
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
  }, [isOpen]);
  return dialogRef;
}
