// Before a measurement that compares two runs, background work is done up front, so that it falls into neither run:
// the database's own (autovacuum after the load phases' updates, a checkpoint writing their pages), and the app's
// for what came before (the flag events of an import and their notifications, the journal's checkpoints).
import pg from "pg";
import { ENTRIES_PER_CHECKPOINT } from "@/lib/server/kernel/journal-checkpoints";

/** How often the app's queues are looked at while waiting for them to empty. */
const POLL_MS = 250;

/** Waits for the app's background work (see settleApp), then has the database do its own. */
export async function settleDatabase(databaseUrl: string, options: TSettleOptions = {}): Promise<number> {
  const waited = await settleApp(databaseUrl, options);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
  return waited;
}

type TSettleOptions = {
  /** Organisations (by slug) whose journal checkpoints to wait for: those the running app server writes to. */
  checkpointsOf?: readonly string[];
  timeoutMs?: number;
};

/**
 * Waits until the app has no background work left in the benchmark's database: no write waiting for its flag events,
 * no job due (flag events, notifications), and the journals of `checkpointsOf` checkpointed up to their last full
 * stretch of entries (the app server that wrote them makes checkpoints about a minute after, once the entries have
 * settled; an organisation written by a server since stopped waits for its next writer). Answers how long it waited,
 * in seconds; throws after `timeoutMs`.
 */
async function settleApp(
  databaseUrl: string,
  { checkpointsOf = [], timeoutMs = 180_000 }: TSettleOptions,
): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ pending: boolean; due: boolean; unchecked: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM flag_event_pending) AS pending,
                EXISTS (SELECT 1 FROM graphile_worker.jobs
                        WHERE run_at < now() + interval '1 minute' AND attempts < max_attempts) AS due,
                EXISTS (
                  SELECT 1 FROM organization o
                  WHERE o.slug = ANY($1) AND (SELECT count(*) FROM journal_entry e
                         WHERE e.organization_id = o.id AND e.at > coalesce(
                           (SELECT max(c.at) FROM journal_checkpoint c WHERE c.organization_id = o.id), '-infinity'))
                        >= $2) AS unchecked`,
        [checkpointsOf, ENTRIES_PER_CHECKPOINT],
      );
      const { pending, due, unchecked } = rows[0]!;
      if (!pending && !due && !unchecked) return Math.round((performance.now() - started) / 100) / 10;
      if (performance.now() - started > timeoutMs) {
        const left = [pending && "flag events", due && "jobs", unchecked && "journal checkpoints"].filter(Boolean);
        throw new Error(`The app's background work (${left.join(", ")}) did not finish within ${timeoutMs / 1000} s.`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}
