import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { termsDueBy } from "@/lib/domain/slot-terms";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineTask } from "@/lib/server/jobs/job-queue";
import { lockOrganization } from "@/lib/server/kernel/replace-map";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";

/**
 * Applies what is due of a slot's terms (issue 22): at the end of the holder's term the slot becomes vacant; at the
 * next holder's start it becomes theirs. One map write by Remit itself (journal action "slot.term", undoable like
 * any), announced live so that open screens follow. The job is queued by the database whenever a term is set (the
 * trigger "queue_term" on the slot table, whichever write sets it); it checks under the slot's lock what is due
 * now, so a term changed or cancelled since, or a job run twice, changes nothing.
 */
export const applySlotTerm = defineTask({
  name: "slot.term",
  payload: z.object({ slotId: z.string() }),
  run: async ({ slotId }) => {
    const slot = await db.slot.findUnique({ where: { id: slotId }, select: { organizationId: true } });
    if (!slot) return;
    const { organizationId } = slot;
    await runWrite(
      { actor: "system", action: "slot.term" },
      async (tx) => {
        await lockOrganization(tx, organizationId, "share");
        return applyDue(tx, organizationId, slotId, Date.now());
      },
      (changed) => (changed ? changeOf(organizationId, "system", "slot")({ id: slotId }) : null),
    );
  },
});

async function applyDue(
  tx: Prisma.TransactionClient,
  organizationId: string,
  slotId: string,
  now: number,
): Promise<boolean> {
  const [row] = await tx.$queryRaw<
    { holderId: string | null; holderUntil: Date | null; nextHolderId: string | null; nextHolderFrom: Date | null }[]
  >`SELECT holder_id AS "holderId", holder_until AS "holderUntil", next_holder_id AS "nextHolderId",
      next_holder_from AS "nextHolderFrom"
    FROM slot WHERE id = ${slotId} AND organization_id = ${organizationId} FOR UPDATE`;
  if (!row) return false;
  const { slot, changes } = termsDueBy(
    {
      holder: row.holderId,
      holderUntil: row.holderUntil?.toISOString() ?? null,
      nextHolder: row.nextHolderId,
      nextHolderFrom: row.nextHolderFrom?.toISOString() ?? null,
    },
    now,
  );
  if (changes.length === 0) return false;
  await tx.slot.update({
    where: { id: slotId, organizationId },
    data: {
      holderId: slot.holder,
      holderUntil: slot.holderUntil,
      nextHolderId: slot.nextHolder,
      nextHolderFrom: slot.nextHolderFrom,
    },
    select: { id: true },
  });
  return true;
}

/**
 * Queues the job of every live slot with a term (a job that exists is replaced by the same): for terms set before
 * the queue's tables existed, when the database's trigger could not queue them. Run by each worker at its start.
 */
export async function queueEveryTerm(): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.add_job('slot.term', json_build_object('slotId', s.id),
      run_at => least(s.holder_until, s.next_holder_from), max_attempts => 5,
      job_key => 'slot.term:' || s.id, job_key_mode => 'replace')
    FROM slot s JOIN organization o ON o.id = s.organization_id
    WHERE (s.holder_until IS NOT NULL OR s.next_holder_from IS NOT NULL) AND o.draft_of_id IS NULL`;
}
