"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineInput } from "@/components/ui/inline-input";
import type { TSlotMutations } from "@/lib/client/teams";

/**
 * An editor's tools above a team's matrix: import a RACI sheet, apply the PO/PM split to the empty cells, add a slot,
 * set the group.
 */
export function TeamTools({
  slots,
  group,
  isImporting,
  onImport,
}: {
  slots: TSlotMutations;
  group: string | null;
  isImporting: boolean;
  onImport: () => void;
}) {
  const [newSlotRole, setNewSlotRole] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={onImport} aria-expanded={isImporting}>
        Import a RACI sheet
      </Button>
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
      {/* Keyed by the saved group: a change from elsewhere shows here. */}
      <GroupForm key={group ?? ""} group={group} slots={slots} />
    </div>
  );
}

/** The team's group ("Payments area"): the structure view draws the teams of a group together. Empty: no group. */
function GroupForm({ group, slots }: { group: string | null; slots: TSlotMutations }) {
  const [value, setValue] = useState(group ?? "");
  const isChanged = value.trim() !== (group ?? "");
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (isChanged) slots.setGroup.mutate(value);
      }}
    >
      <InlineInput
        id="team-group"
        label="Group"
        value={value}
        onValue={setValue}
        placeholder="e.g. Payments area"
        maxLength={120}
        className="w-44"
      />
      <Button type="submit" variant="secondary" disabled={!isChanged || slots.setGroup.isPending}>
        Save group
      </Button>
    </form>
  );
}
