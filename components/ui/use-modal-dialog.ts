"use client";

import { useEffect, useRef } from "react";

/** A native <dialog> shown as a modal while `isOpen` (focus kept inside, Escape reported by its cancel event). */
export function useModalDialog(isOpen: boolean) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    else if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return dialogRef;
}
