"use client";

import { ConfirmDialog } from "./confirm-dialog";

/** The props of a dialog that asks before a row of a list is removed; closed while `removing` is null. */
export type TRemoveRowDialogProps<TRow> = {
  removing: TRow | null;
  isPending: boolean;
  onConfirm: (row: TRow) => void;
  onCancel: () => void;
};

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
