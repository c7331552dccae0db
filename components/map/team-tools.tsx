"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineInput } from "@/components/ui/inline-input";
import type { TSlotMutations } from "@/lib/client/teams";

/** An editor's tools above a team's matrix: apply the PO/PM split to the empty cells, add a slot. */
export function TeamTools({ slots }: { slots: TSlotMutations }) {
  const [newSlotRole, setNewSlotRole] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        onClick={() => slots.applySplit.mutate(undefined)}
        disabled={slots.applySplit.isPending}
      >
        Apply the PO/PM split
      </Button>
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!newSlotRole.trim()) return;
          slots.add.mutate(newSlotRole.trim());
          setNewSlotRole("");
        }}
      >
        <InlineInput
          id="new-slot-role"
          label="New slot"
          value={newSlotRole}
          onValue={setNewSlotRole}
          placeholder="e.g. Tech lead"
          maxLength={60}
          className="w-40"
        />
        <Button type="submit" variant="secondary" disabled={!newSlotRole.trim() || slots.add.isPending}>
          Add
        </Button>
      </form>
    </div>
  );
}
