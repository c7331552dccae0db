import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { formatTermMoment, termsDueBy } from "@/lib/domain/slot-terms";
import type { Prisma } from "@/lib/generated/prisma/client";
import { screenUrl } from "@/lib/server/events/event-rows";
import { recordEvents } from "@/lib/server/events/record-events";
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

/** How long before a term's end "term.ending" says it is coming (the trigger's interval says the same). */
export const TERM_ENDING_NOTICE_DAYS = 14;

/**
 * "term.ending" (issue 23): the event that a holder's term ends in TERM_ENDING_NOTICE_DAYS days, for webhooks (and,
 * later, the inbox and email). Queued by the same trigger as the term, at its moment less the notice; recorded once
 * per slot and end, and only while the slot's term still ends then.
 */
export const announceTermEnding = defineTask({
  name: "slot.term-ending",
  payload: z.object({ slotId: z.string(), until: z.iso.datetime() }),
  run: async ({ slotId, until }) => {
    await db.$transaction(async (tx) => {
      const slot = await tx.slot.findUnique({
        where: { id: slotId },
        select: {
          id: true,
          key: true,
          role: true,
          holderUntil: true,
          holder: { select: { id: true, key: true, name: true } },
          nextHolder: { select: { name: true } },
          nextHolderFrom: true,
          team: { select: { id: true, key: true, name: true } },
          organization: { select: { id: true, slug: true, name: true } },
        },
      });
      if (!slot?.holder || slot.holderUntil?.toISOString() !== until) return;
      const { organization, team, holder } = slot;
      const announced = await tx.event.findFirst({
        where: {
          organizationId: organization.id,
          kind: "term.ending",
          AND: [
            { payload: { path: ["slot", "id"], equals: slotId } },
            { payload: { path: ["details", "until"], equals: until } },
          ],
        },
        select: { id: true },
      });
      if (announced) return;
      const next =
        slot.nextHolder && slot.nextHolderFrom
          ? `; ${slot.nextHolder.name} takes over from ${formatTermMoment(slot.nextHolderFrom.toISOString())}`
          : ": the slot will be vacant";
      await recordEvents(tx, organization.id, [
        {
          kind: "term.ending",
          data: {
            organization: { id: organization.id, key: organization.slug, name: organization.name },
            draft: null,
            team,
            slot: { id: slot.id, key: slot.key, name: slot.role },
            person: holder,
            actor: { kind: "system", id: null, name: "Remit" },
            sentence: `${holder.name}'s term as ${slot.role} of “${team.name}” ends on ${formatTermMoment(until)}${next}.`,
            url: screenUrl(`/${organization.slug}/teams/${team.key}`),
            details: { until },
          },
        },
      ]);
    });
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
 * Queues the jobs of every live slot with a term (as the trigger "queue_term" does; a job that exists is replaced by
 * the same): for terms set before the queue's tables existed, when the trigger could not queue them. Run by each
 * worker at its start. An announcement already made is not made again (the task checks).
 */
export async function queueEveryTerm(): Promise<void> {
  await db.$executeRaw`SELECT remit_queue_slot_term_of(s) FROM slot s
    WHERE s.holder_until IS NOT NULL OR s.next_holder_from IS NOT NULL`;
}
