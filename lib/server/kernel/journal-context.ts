import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { TJournalAction, TJournalActor } from "@/lib/domain/journal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";

/** Who is writing and why: what the journal's triggers record for every row the write changes. */
export type TJournalContext = {
  actor: TActor | "system";
  action: TJournalAction;
  /** On an undo: the group it undoes. */
  undoes?: string;
  /**
   * When the write is to a draft's map (its workspace): the draft, whose standing approvals the write withdraws if it
   * changes anything (see runWrite).
   */
  draft?: { id: string; name: string };
};

const journalClock = new AsyncLocalStorage<Date>();

/**
 * Runs `work` (any use case, as a route would call it) with its journal entries dated `at` instead of their
 * transaction's start: how the benchmark and the time-travel tests build a history through the real write path. Only
 * in-process code can; no request reaches it.
 */
export function writingAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return journalClock.run(at, work);
}

/** Whether the current use case runs inside writingAt (its entries dated by its caller). */
export function isWritingAt(): boolean {
  return journalClock.getStore() !== undefined;
}

export function journalActor(actor: TActor | "system"): TJournalActor {
  if (actor === "system") return { kind: "system", id: null, name: "Remit" };
  return actor.kind === "user"
    ? { kind: "user", id: actor.userId, name: actor.name }
    : { kind: "token", id: actor.tokenId, name: `API token "${actor.name}"` };
}

/**
 * The SQL expression that names the writer for the rest of the transaction (set_config with is_local). The
 * triggers refuse a change to the map without it. Returns the group id all the transaction's entries share.
 */
export function journalSetting(context: TJournalContext): { sql: Prisma.Sql; groupId: string } {
  const groupId = randomUUID();
  const actor = journalActor(context.actor);
  const value = JSON.stringify({
    group: groupId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action: context.action,
    undoes: context.undoes ?? null,
    at: journalClock.getStore()?.toISOString() ?? null,
  });
  return { sql: Prisma.sql`set_config('remit.journal', ${value}, true)`, groupId };
}

/** Names the writer inside an open transaction; call it before the transaction's first change to the map. */
export async function setJournalContext(tx: Prisma.TransactionClient, context: TJournalContext): Promise<string> {
  const { sql, groupId } = journalSetting(context);
  await tx.$queryRaw`SELECT ${sql}`;
  return groupId;
}
