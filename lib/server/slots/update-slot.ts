import "server-only";
import { compareSlots } from "@/lib/domain/model";
import { termProblems } from "@/lib/domain/slot-terms";
import { AppError, type TFieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changedKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap, type TOrgCall } from "@/lib/server/kernel/map-write";
import { reorderedRows } from "@/lib/server/kernel/reorder";
import { slotViewSelect, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";
import type { TUpdateSlot } from "@/lib/validation/slots";

/**
 * Changes a slot's role, key, title, holder (null vacates it) or allocation, and, with `order`, moves it to that
 * 0-based position among the team's slots: they are renumbered 0..n-1 around it. Its assignments stay.
 */
export async function updateSlot({
  teamId,
  slotId,
  changes,
  ...call
}: TOrgCall & { teamId: string; slotId: string; changes: TUpdateSlot }): Promise<TSlotView> {
  return writeMap(
    { ...call, action: "slot.update", entity: "slot", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
      const slot = await findMapRow(tx, "slot", { organizationId, team, ref: slotId });
      const holder =
        changes.holderId === undefined || changes.holderId === null
          ? changes.holderId
          : await findMapRow(tx, "person", { organizationId, ref: changes.holderId, field: "holderId" });
      const holderId = holder === undefined || holder === null ? holder : holder.id;
      const terms = await changedTerms(tx, organizationId, slot.id, { ...changes, holderId });
      const key = await changedKey(
        tx,
        "slot",
        { organizationId, team },
        { name: changes.title ?? changes.role ?? slot.role, requested: changes.key, currentKey: slot.key },
      );
      if (changes.order !== undefined) {
        await moveSlot(tx, { organizationId, teamId: team.id, slotId: slot.id, position: changes.order });
      }
      const updated = await tx.slot.update({
        where: { id: slot.id, organizationId },
        data: {
          role: changes.role,
          key,
          title: changes.title,
          holderId: holder === undefined ? undefined : (holder?.id ?? null),
          ...terms,
          allocation: changes.allocation,
        },
        select: slotViewSelect({ teamId: team.id }),
      });
      return toSlotView(updated);
    },
  );
}

/**
 * The slot's terms as `changes` leave them, checked together (see termProblems): undefined when the change touches
 * neither the holder nor the terms. A new holder (or a vacancy) starts without an end unless the change gives one; a
 * cancelled next holder takes their start along. A next holder must be a person of the organisation (400 otherwise).
 */
async function changedTerms(
  tx: Prisma.TransactionClient,
  organizationId: string,
  slotId: string,
  changes: Pick<TUpdateSlot, "holderUntil" | "nextHolderId" | "nextHolderFrom"> & { holderId?: string | null },
) {
  const { holderId, holderUntil, nextHolderId, nextHolderFrom } = changes;
  if ([holderId, holderUntil, nextHolderId, nextHolderFrom].every((value) => value === undefined)) return undefined;
  const current = await tx.slot.findUniqueOrThrow({
    where: { id: slotId, organizationId },
    select: { holderId: true, holderUntil: true, nextHolderId: true, nextHolderFrom: true },
  });
  const next = nextHolderId ? await nextHolderIn(tx, organizationId, nextHolderId) : nextHolderId;
  const holderChanged = holderId !== undefined && holderId !== current.holderId;
  const terms = {
    holderUntil: holderUntil !== undefined ? holderUntil : holderChanged ? null : current.holderUntil,
    nextHolderId: next === undefined ? current.nextHolderId : next,
    nextHolderFrom: nextHolderFrom !== undefined ? nextHolderFrom : next === null ? null : current.nextHolderFrom,
  };
  const problems = termProblems(
    {
      holder: holderId === undefined ? current.holderId : holderId,
      holderUntil: terms.holderUntil?.toISOString() ?? null,
      nextHolder: terms.nextHolderId,
      nextHolderFrom: terms.nextHolderFrom?.toISOString() ?? null,
    },
    Date.now(),
  );
  if (problems.length > 0) {
    const fields: TFieldErrors = {};
    for (const { field, message } of problems) (fields[field] ??= []).push(message);
    throw new AppError("invalid_input", problems.map((problem) => problem.message).join(" "), fields);
  }
  return terms;
}

/** The next holder's id: a person of the organisation, or else a 400 naming the field. */
async function nextHolderIn(tx: Prisma.TransactionClient, organizationId: string, ref: string): Promise<string> {
  try {
    return (await findMapRow(tx, "person", { organizationId, ref, field: "nextHolderId" })).id;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      throw new AppError("invalid_input", error.message, error.fields);
    }
    throw error;
  }
}

async function moveSlot(
  tx: Prisma.TransactionClient,
  {
    organizationId,
    teamId,
    slotId,
    position,
  }: { organizationId: string; teamId: string; slotId: string; position: number },
): Promise<void> {
  // Two moves at once would each renumber from a stale order; the second waits for the first instead.
  await tx.$queryRaw`SELECT id FROM slot WHERE team_id = ${teamId} AND organization_id = ${organizationId} ORDER BY id FOR UPDATE`;
  const slots = await tx.slot.findMany({
    where: { teamId, organizationId },
    select: { id: true, key: true, order: true },
  });
  for (const { id, order } of reorderedRows(slots, compareSlots, slotId, position)) {
    await tx.slot.update({ where: { id, organizationId }, data: { order }, select: { id: true } });
  }
}
