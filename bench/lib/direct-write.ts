// The baseline for cell writes: the statements the app runs for PUT .../assignments on an existing cell, issued
// straight through node-postgres. They are Prisma's own SQL, copied from its query log (see README, Benchmarks):
// the token lookup, the organisation check, the team, duty and slot lookups, the cell read, then a transaction with
// the compare-and-set UPDATE and the pg_notify that live updates hang on.
import { createHash } from "node:crypto";
import pg from "pg";
import type { TChangeEvent } from "@/lib/domain/live-event";
import type { TRaciLevel } from "@/lib/domain/model";
import type { TCellWrite } from "./cell-rotation";

const SQL = {
  token:
    'SELECT "public"."api_token"."id", "public"."api_token"."organization_id", "public"."api_token"."role"::text, "public"."api_token"."name", "public"."api_token"."revoked_at", "public"."api_token"."last_used_at" FROM "public"."api_token" WHERE ("public"."api_token"."token_hash" = $1 AND 1=1) LIMIT $2 OFFSET $3',
  organization:
    'SELECT "public"."organization"."id", "public"."organization"."slug", "public"."organization"."name" FROM "public"."organization" WHERE ("public"."organization"."slug" = $1 AND "public"."organization"."id" = $2) LIMIT $3 OFFSET $4',
  team: 'SELECT "public"."team"."id", "public"."team"."key", "public"."team"."name" FROM "public"."team" WHERE ("public"."team"."organization_id" = $1 AND ("public"."team"."id" = $2 OR "public"."team"."key" = $3)) ORDER BY "public"."team"."id" ASC LIMIT $4 OFFSET $5',
  duty: 'SELECT "public"."duty"."id", "public"."duty"."key", "public"."duty"."name" FROM "public"."duty" WHERE ("public"."duty"."organization_id" = $1 AND ("public"."duty"."id" = $2 OR "public"."duty"."key" = $3)) ORDER BY "public"."duty"."id" ASC LIMIT $4 OFFSET $5',
  slot: 'SELECT "public"."slot"."id", "public"."slot"."key", "public"."slot"."role" FROM "public"."slot" WHERE ("public"."slot"."organization_id" = $1 AND "public"."slot"."team_id" = $2 AND ("public"."slot"."id" = $3 OR "public"."slot"."key" = $4)) ORDER BY "public"."slot"."id" ASC LIMIT $5 OFFSET $6',
  cell: 'SELECT "public"."assignment"."id", "public"."assignment"."team_id", "public"."assignment"."duty_id", "public"."assignment"."slot_id", "public"."assignment"."level"::text, "public"."assignment"."version" FROM "public"."assignment" WHERE ("public"."assignment"."slot_id" = $1 AND "public"."assignment"."duty_id" = $2 AND "public"."assignment"."organization_id" = $3) LIMIT $4 OFFSET $5',
  update:
    'UPDATE "public"."assignment" SET "level" = CAST($1::text AS "public"."RaciLevel"), "version" = $2, "updated_at" = $3 WHERE ("public"."assignment"."id" = $4 AND "public"."assignment"."organization_id" = $5 AND "public"."assignment"."version" = $6)',
  notify: "SELECT pg_notify($1, $2)",
} as const;

const LIVE_CHANNEL = "remit_live";

export const STEPS = [
  "token",
  "organization",
  "team",
  "duty",
  "slot",
  "cell",
  "connect",
  "begin",
  "update",
  "notify",
  "commit",
] as const;
export type TStep = (typeof STEPS)[number];

export type TDirectWriter = {
  /** One cell write; `isWritten` is false when the cell had changed meanwhile. Resolves with the cell as it is now. */
  write: (cell: TCellWrite) => Promise<{ isWritten: boolean; cell: { level: TRaciLevel; version: number } }>;
  /** Round-trip times of each statement (and of taking a connection for the transaction), in ms. */
  stepTimes: () => Map<TStep, number[]>;
  close: () => Promise<void>;
};

/** A writer with a pool the size of the app's (DATABASE_POOL_MAX, 10 by default). */
export function createDirectWriter({
  databaseUrl,
  poolSize,
  orgSlug,
  token,
}: {
  databaseUrl: string;
  poolSize: number;
  orgSlug: string;
  token: string;
}): TDirectWriter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // A connection the server ends (the database dropped on Ctrl-C) fails its query, which reports it; without a
  // listener, the connection's own error event would crash the process first.
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("error", () => undefined);
  const times = new Map<TStep, number[]>(STEPS.map((step) => [step, []]));
  const timed = async <T>(step: TStep, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    times.get(step)!.push(performance.now() - started);
    return result;
  };
  // Prisma's adapter reads rows as arrays; so does the baseline.
  const query = (step: TStep, client: pg.Pool | pg.PoolClient, text: string, values: unknown[]) =>
    timed(step, () => client.query({ text, values, rowMode: "array" }));
  return {
    stepTimes: () => times,
    async write(cell) {
      const tokenHash = createHash("sha256").update(token).digest("hex");
      const [tokenRow] = (await query("token", pool, SQL.token, [tokenHash, 1, 0])).rows as unknown[][];
      if (!tokenRow) throw new Error("The benchmark's API token is missing from the database.");
      const [tokenId, organizationId, , tokenName] = tokenRow as [string, string, string, string];
      await query("organization", pool, SQL.organization, [orgSlug, organizationId, 1, 0]);
      await query("team", pool, SQL.team, [organizationId, cell.teamId, cell.teamId, 2, 0]);
      await query("duty", pool, SQL.duty, [organizationId, cell.dutyId, cell.dutyId, 2, 0]);
      await query("slot", pool, SQL.slot, [organizationId, cell.teamId, cell.slotId, cell.slotId, 2, 0]);
      const [current] = (await query("cell", pool, SQL.cell, [cell.slotId, cell.dutyId, organizationId, 1, 0]))
        .rows as unknown[][];
      if (!current) throw new Error("A benchmark cell is missing from the database.");
      const [assignmentId, , , , level, version] = current as [string, string, string, string, TRaciLevel, number];
      // As the app answers 409 with the cell as it is now.
      if (version !== cell.version) return { isWritten: false, cell: { level, version } };

      const event: TChangeEvent = {
        type: "change",
        organizationId,
        entity: "assignment",
        ids: [],
        cell: {
          teamId: cell.teamId,
          dutyId: cell.dutyId,
          slotId: cell.slotId,
          level: cell.level,
          version: version + 1,
        },
        actor: { id: tokenId, name: `API token "${tokenName}"` },
        at: Date.now(),
      };
      const client = await timed("connect", () => pool.connect());
      try {
        await query("begin", client, "BEGIN", []);
        const updated = await query("update", client, SQL.update, [
          cell.level,
          version + 1,
          new Date(),
          assignmentId,
          organizationId,
          version,
        ]);
        if (updated.rowCount === 1) await query("notify", client, SQL.notify, [LIVE_CHANNEL, JSON.stringify(event)]);
        await query("commit", client, "COMMIT", []);
        return updated.rowCount === 1
          ? { isWritten: true, cell: { level: cell.level, version: version + 1 } }
          : { isWritten: false, cell: { level, version } };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
