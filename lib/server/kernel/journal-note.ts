import "server-only";
import { randomUUID } from "node:crypto";
import type { TJournalAction, TJournalActor } from "@/lib/domain/journal";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Records in an organisation's History something that changed no row of its map (a journal note: a sentence under
 * an action and its actor), inside `tx`. Numbered from the journal's sequence, so that History pages notes among the
 * journal's actions.
 */
export async function addJournalNote(
  tx: Prisma.TransactionClient,
  note: { organizationId: string; actor: TJournalActor; action: TJournalAction; sentence: string },
): Promise<void> {
  const { organizationId, actor, action, sentence } = note;
  await tx.$executeRaw`
    INSERT INTO journal_note (id, organization_id, group_id, actor_kind, actor_id, actor_name, action, sentence)
    VALUES (nextval('journal_entry_id_seq'), ${organizationId}, ${randomUUID()}, ${actor.kind}, ${actor.id},
      ${actor.name}, ${action}, ${sentence})`;
}
