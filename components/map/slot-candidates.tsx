"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { TSlot } from "@/lib/domain/model";
import type { TCandidatesScope } from "./slot-candidates-dialog";

export type { TCandidatesScope } from "./slot-candidates-dialog";

// Loaded on the first open: every column of a team page has the button, few people open the dialog.
const SlotCandidatesDialog = dynamic(
  () => import("./slot-candidates-dialog").then((module) => module.SlotCandidatesDialog),
  { ssr: false },
);

/**
 * "Who could fill this?": a slot's candidates, best fit first, each with its fit in words; Assign gives them the slot
 * through the holder change the picker makes (optimistic, live, journalled).
 */
export function SlotCandidates({
  scope,
  slot,
  roleLabel,
  onAssign,
}: {
  scope: TCandidatesScope;
  slot: TSlot;
  roleLabel: string;
  onAssign: (holderId: string) => void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  // Kept once opened, so that closing it gives focus back to the button (the dialog does that as it closes).
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <>
      <button
        type="button"
        data-png-hide
        onClick={() => {
          setHasOpened(true);
          setIsOpen(true);
        }}
        className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
      >
        Who could fill this?<span className="sr-only"> The {roleLabel} slot.</span>
      </button>
      {hasOpened && (
        <SlotCandidatesDialog
          scope={scope}
          slot={slot}
          roleLabel={roleLabel}
          isOpen={isOpen}
          onClose={() => setIsOpen(false)}
          onAssign={onAssign}
        />
      )}
    </>
  );
}
