import "server-only";
import { db, queryRows } from "@/lib/db";
import type { TChangeEvent, TLiveEvent } from "@/lib/domain/live-event";
import { REVIEW_SENTENCES } from "@/lib/domain/review";
import { isTransientConflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { checkpointSoon } from "./journal-checkpoints";
import { journalActor, journalSetting, setJournalContext, type TJournalContext } from "./journal-context";
import { LIVE_CHANNEL, liveBus } from "./live-bus";

type TTransactionOptions = {
  timeout?: number;
  maxWait?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

// How many times a write runs when PostgreSQL aborts it for a deadlock or a serialization failure: each attempt
// starts afresh, so reads inside it see what the winner committed. After the last, the answer is 503 with
// Retry-After (see toAppError).
const CONFLICT_ATTEMPTS = 3;

async function retryingConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= CONFLICT_ATTEMPTS || !isTransientConflict(error)) throw error;
    }
  }
}

/**
 * Runs a map write in one transaction, journalled as one group under `journal` (who and what), and announces what
 * it changed to every browser on the organisation, only if and when the transaction commits: with pg_notify inside
 * the transaction on PostgreSQL, in-process right after the commit on the embedded database. `describe` turns the
 * write's result into its events (none for a no-op). `work` is given the journal group its changes get (a group
 * without entries changed nothing). A deadlock or serialization failure runs `work` again, a bounded number of times.
 */
export async function runWrite<T>(
  journal: TJournalContext,
  work: (tx: Prisma.TransactionClient, groupId: string) => Promise<T>,
  describe: (result: T) => TChangeEvent | TChangeEvent[] | null,
  options: TTransactionOptions = {},
): Promise<T> {
  let events: TChangeEvent[] = [];
  const result = await retryingConflicts(() =>
    db.$transaction(async (tx) => {
      const groupId = await setJournalContext(tx, journal);
      const value = await work(tx, groupId);
      if (journal.draft) await tx.$queryRaw`SELECT ${withdrawApprovals(journal, journal.draft, groupId)}`;
      const described = describe(value);
      events = described === null ? [] : Array.isArray(described) ? described : [described];
      await notifyOnCommit(tx, events);
      return value;
    }, options),
  );
  liveBus.committed(events);
  for (const organizationId of new Set(events.map((event) => event.organizationId))) checkpointSoon(organizationId);
  return result;
}

/**
 * A write that is one SQL statement (a cell's compare-and-set): it runs as its own transaction, a quarter of the
 * round trips of runWrite's interactive one, and announces `event` only if the statement changed a row. `statement`
 * is given the SQL to run once per changed row, for a statement shaped like
 * `WITH changed AS (UPDATE … RETURNING …) SELECT … FROM changed, LATERAL (SELECT ${announce}) AS announced`.
 * That SQL also names the writer for the journal: its triggers run at the end of the statement, after it. A deadlock
 * or serialization failure runs the statement again, as runWrite does. A statement that also answers rows it did
 * not change (what it read to decide) says with `isChanged` whether it changed one.
 */
export async function runAnnouncedStatement<TRow extends Record<string, unknown>>(
  journal: TJournalContext,
  statement: (announce: Prisma.Sql) => Prisma.Sql,
  event: TChangeEvent,
  isChanged: (rows: TRow[]) => boolean = (rows) => rows.length > 0,
): Promise<TRow[]> {
  const { sql: name } = journalSetting(journal);
  const named = journal.draft ? Prisma.sql`${name}, ${withdrawApprovals(journal, journal.draft, null)}` : name;
  const announce = liveBus.isInProcess
    ? named
    : Prisma.sql`${named}, pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
  const rows = await retryingConflicts(() => queryRows<TRow>(statement(announce)));
  if (isChanged(rows)) {
    liveBus.committed([event]);
    checkpointSoon(event.organizationId);
  }
  return rows;
}

/**
 * The SQL call that withdraws a draft's standing approvals, for a write to its map, and records that in History
 * (remit_withdraw_approvals, prisma/migrations/*_draft_review): one statement, run only for writes to a draft. With
 * `groupId`, only when the write's journal group has an entry (it changed something); without, it is called once per
 * row the write changed. Writes to live pay nothing for it.
 */
function withdrawApprovals(journal: TJournalContext, draft: { id: string; name: string }, groupId: string | null) {
  const actor = journalActor(journal.actor);
  const sentence = REVIEW_SENTENCES.approvalsWithdrawn(actor.name, draft.name);
  return Prisma.sql`remit_withdraw_approvals(${draft.id}, ${groupId}::text, ${JSON.stringify(actor)}::jsonb, ${sentence})`;
}

/** Has PostgreSQL deliver `events` to every instance's listening connection if and when `tx` commits. */
async function notifyOnCommit(tx: Prisma.TransactionClient, events: readonly TLiveEvent[]): Promise<void> {
  if (liveBus.isInProcess) return;
  for (const event of events) await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}

/**
 * Runs `work`, a change of `subjectId`'s access to the organisation (a member removed, a token revoked), in one
 * transaction that announces it when it commits: every instance hears of it through PostgreSQL, this process's
 * watchers right after the commit. Their event streams are cut, and an instance that had verified a now revoked token
 * stops trusting it (see VerifiedTokens), as soon as the notification reaches it: this process at once, the others a
 * moment after the commit.
 */
export async function changeAccess<T>(
  organizationId: string,
  subjectId: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const event: TLiveEvent = { type: "access", organizationId, subjectId, at: Date.now() };
  const result = await db.$transaction(async (tx) => {
    const value = await work(tx);
    await notifyOnCommit(tx, [event]);
    return value;
  });
  liveBus.committed([event]);
  return result;
}

/** Announces an event that is not part of a write (presence). */
export async function announceNow(event: TLiveEvent): Promise<void> {
  if (liveBus.isInProcess) liveBus.dispatch(event);
  else await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}

function actorRef(actor: TActor | "system"): TChangeEvent["actor"] {
  const { id, name } = journalActor(actor);
  return { id: id ?? "", name };
}

/**
 * The usual `describe` for runWrite: one change of `entity`, naming the result's id when it has one. Browsers reload
 * the map for anything but a single cell, so the id is for information.
 */
export function changeOf<T>(
  organizationId: string,
  actor: TActor | "system",
  entity: TChangeEvent["entity"],
): (result: T) => TChangeEvent {
  return (result) => {
    const id = (result as { id?: unknown } | null)?.id;
    return {
      type: "change",
      organizationId,
      entity,
      ids: typeof id === "string" ? [id] : [],
      actor: actorRef(actor),
      at: Date.now(),
    };
  };
}

/** The change event for one cell set to a level (or cleared) at a version. */
export function cellChange(
  organizationId: string,
  actor: TActor,
  cell: NonNullable<TChangeEvent["cell"]>,
): TChangeEvent {
  return {
    type: "change",
    organizationId,
    entity: "assignment",
    ids: [],
    cell,
    actor: actorRef(actor),
    at: Date.now(),
  };
}
