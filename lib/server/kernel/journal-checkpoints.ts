import "server-only";
import { promisify } from "node:util";
import { constants, gunzipSync, gzip } from "node:zlib";
import { db } from "@/lib/db";
import {
  checkpointParts,
  rewindTo,
  rowsAtFromParts,
  rowsAtNow,
  type TCheckpointPart,
  type TRowsAt,
} from "@/lib/domain/journal-checkpoint";
import { Prisma } from "@/lib/generated/prisma/client";
import { readMapRows } from "./apply-rows";
import { isWritingAt } from "./journal-context";
import { readRewindEntries } from "./journal-entries";

/**
 * Entries between two checkpoints: the most a moment between them rewinds (measured at 1,000 teams: see
 * docs/journal-and-time-travel.md).
 */
export const ENTRIES_PER_CHECKPOINT = 5_000;

/**
 * How long after its moment a checkpoint may be made, at least. Entries are dated at their transaction's start, so a
 * checkpoint's moment must be earlier than the start of every transaction still running (read from
 * pg_stat_activity); this margin covers the clocks of the rest.
 */
const SETTLE_SECONDS = 60;

/** Making the first checkpoints of a long journal reads it once; later runs read a few thousand entries. */
const CHECKPOINT_TIMEOUT_MS = 10 * 60_000;

/** Checkpoint parts inserted per statement. */
const INSERT_BATCH = 200;

/** The advisory lock's first key: the second is the organisation's (pg_try_advisory_xact_lock(int, int)). */
const LOCK_SPACE = 2_061_206;

/** The latest moment every entry dated at or before it has been committed (or rolled back) by. */
async function settledMoment(): Promise<Date> {
  const [row] = await db.$queryRaw<{ moment: Date }[]>`
    SELECT least(now() - make_interval(secs => ${SETTLE_SECONDS}), (
      SELECT min(xact_start) FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
    )) AS moment`;
  return row!.moment;
}

const gzipAsync = promisify(gzip);

/**
 * A part as stored: its JSON, gzipped in libuv's thread pool at the fastest level. A checkpoint comes every 5,000
 * writes and holds the whole map (15.6 MB of JSON at 1,000 teams): at zlib's default level, on the event loop, its
 * compression took 180-360 ms during which the server answered nothing; the fastest level takes 85-110 ms, off the
 * event loop (see docs/benchmarks.md).
 */
function compress(rows: TCheckpointPart): Promise<Buffer> {
  return gzipAsync(JSON.stringify(rows), { level: constants.Z_BEST_SPEED });
}

async function storeCheckpoint(
  tx: Prisma.TransactionClient,
  organizationId: string,
  at: Date,
  state: TRowsAt,
): Promise<void> {
  const parts = [...checkpointParts(state)];
  for (let start = 0; start < parts.length; start += INSERT_BATCH) {
    const values = await Promise.all(
      parts
        .slice(start, start + INSERT_BATCH)
        .map(async ([part, rows]) => Prisma.sql`(${organizationId}, ${at}, ${part}, ${await compress(rows)})`),
    );
    await tx.$executeRaw`
      INSERT INTO journal_checkpoint (organization_id, at, part, rows)
      VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING`;
  }
}

/**
 * Brings the organisation's checkpoints up to date: one every `entriesPerCheckpoint` entries (fewer in tests), up to a moment whose
 * entries are all committed (so a checkpoint never changes once made). The newest is today's rows rewound to its
 * moment, each older one the next rewound by the entries between them; all in one snapshot and one transaction, so
 * that an interrupted run leaves no gap. Idempotent; when another process is at it, returns at once.
 */
export async function checkpointJournal(
  organizationId: string,
  entriesPerCheckpoint = ENTRIES_PER_CHECKPOINT,
): Promise<void> {
  const settled = await settledMoment();
  await db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(${organizationId})) AS locked`;
      if (!lock?.locked) return;
      const [last] = await tx.$queryRaw<{ at: Date | null }[]>`
        SELECT max(at) AS at FROM journal_checkpoint WHERE organization_id = ${organizationId}`;
      const since = last?.at ? Prisma.sql`AND at > ${last.at}` : Prisma.empty;
      const moments = (
        await tx.$queryRaw<{ at: Date }[]>`
          SELECT DISTINCT at FROM (
            SELECT at, row_number() OVER (ORDER BY at, id) AS position FROM journal_entry
            WHERE organization_id = ${organizationId} AND at <= ${settled} ${since}
          ) dated
          WHERE position % ${entriesPerCheckpoint} = 0 ORDER BY at`
      ).map((row) => row.at);
      if (moments.length === 0) return;

      let state = rewindTo(
        rowsAtNow(await readMapRows(tx, organizationId)),
        await readRewindEntries(tx, organizationId, Prisma.sql`at > ${moments.at(-1)!}`),
      );
      for (let index = moments.length - 1; index >= 0; index--) {
        if (index < moments.length - 1) {
          const between = Prisma.sql`at > ${moments[index]!} AND at <= ${moments[index + 1]!}`;
          state = rewindTo(state, await readRewindEntries(tx, organizationId, between));
        }
        await storeCheckpoint(tx, organizationId, moments[index]!, state);
      }
    },
    { isolationLevel: "RepeatableRead", timeout: CHECKPOINT_TIMEOUT_MS },
  );
}

/**
 * The earliest checkpoint at or after `at`, with the parts `parts` selects (a condition on journal_checkpoint's
 * `part`), or null when there is none (the moment is more recent than the newest checkpoint).
 */
export async function readCheckpointFrom(
  client: Prisma.TransactionClient,
  organizationId: string,
  at: Date,
): Promise<{ at: Date; read: (parts: Prisma.Sql) => Promise<TRowsAt> } | null> {
  const [checkpoint] = await client.$queryRaw<{ at: Date }[]>`
    SELECT at FROM journal_checkpoint WHERE organization_id = ${organizationId} AND at >= ${at} ORDER BY at LIMIT 1`;
  if (!checkpoint) return null;
  return {
    at: checkpoint.at,
    read: async (parts) => {
      const rows = await client.$queryRaw<{ rows: Uint8Array }[]>`
        SELECT rows FROM journal_checkpoint
        WHERE organization_id = ${organizationId} AND at = ${checkpoint.at} AND (${parts})`;
      return rowsAtFromParts(rows.map((row) => JSON.parse(gunzipSync(row.rows).toString("utf8")) as TCheckpointPart));
    },
  };
}

// Checks run at most once a minute per organisation in this process, and once more after the last write (whose
// entries only settle after SETTLE_SECONDS). With the job queue of issue 22, this becomes a job.
const CHECK_DELAY_MS = SETTLE_SECONDS * 1000 + 5_000;

type TPending = { again: boolean };
const globalForCheckpoints = globalThis as unknown as { remitCheckpointChecks?: Map<string, TPending> };
const pending = (globalForCheckpoints.remitCheckpointChecks ??= new Map<string, TPending>());

function scheduleCheck(organizationId: string): void {
  const check: TPending = { again: false };
  pending.set(organizationId, check);
  setTimeout(() => {
    pending.delete(organizationId);
    checkpointJournal(organizationId)
      .catch((error: unknown) => console.error(`Journal checkpoints of ${organizationId} failed:`, error))
      .finally(() => {
        if (check.again && !pending.has(organizationId)) scheduleCheck(organizationId);
      });
  }, CHECK_DELAY_MS).unref();
}

/**
 * Called after a write to the organisation's map commits: checks its checkpoints in the background, later. Never
 * throws, and costs the write nothing but a map lookup. A write dated by writingAt schedules nothing: a history built
 * in the past would otherwise get checkpoints later than the entries still to come, and its builder calls
 * checkpointJournal once it is done.
 */
export function checkpointSoon(organizationId: string): void {
  if (isWritingAt()) return;
  const check = pending.get(organizationId);
  if (check) check.again = true;
  else scheduleCheck(organizationId);
}
