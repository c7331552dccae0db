"use client";

import { ConfirmDialog } from "./confirm-dialog";

/** Asks before something named is removed; closed while `name` is null. */
export function RemoveDialog({
  name,
  isPending,
  onConfirm,
  onCancel,
  children,
}: {
  name: string | null;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <ConfirmDialog
      isOpen={name !== null}
      title={name ? `Remove ${name}?` : ""}
      confirmLabel={name ? `Remove ${name}` : "Remove"}
      pendingLabel="Removing…"
      isPending={isPending}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {children}
    </ConfirmDialog>
  );
}
