// The baseline for cell writes: the statements the app runs for PUT .../assignments on an existing cell, issued
// straight through node-postgres: the token with its organisation (lib/server/auth/verify-api-token.ts), one
// query for the team, duty, slot and cell, and the compare-and-set UPDATE with the pg_notify that live updates hang
// on and the writer's name for the journal, in one statement that is its own transaction (lib/server/assignments/set-assignment.ts).
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import type { TChangeEvent } from "@/lib/domain/live-event";
import type { TRaciLevel } from "@/lib/domain/model";
import type { TCellWrite } from "./cell-rotation";

const SQL = {
  token: `SELECT t.id, t.organization_id AS "organizationId", t.role::text AS role, t.name, t.revoked_at AS "revokedAt",
           t.last_used_at AS "lastUsedAt", o.slug AS "organizationSlug", o.name AS "organizationName"
    FROM api_token t JOIN organization o ON o.id = t.organization_id
    WHERE t.token_hash = $1`,
  cell: `WITH t AS (
      SELECT id FROM team WHERE organization_id = $1 AND (id = $2 OR key = $2) ORDER BY id = $2 DESC LIMIT 1
    ), s AS (
      SELECT id FROM slot WHERE team_id = (SELECT id FROM t) AND (id = $3 OR key = $3) ORDER BY id = $3 DESC LIMIT 1
    ), d AS (
      SELECT id FROM duty WHERE organization_id = $1 AND (id = $4 OR key = $4) ORDER BY id = $4 DESC LIMIT 1
    )
    SELECT t.id AS "teamId", d.id AS "dutyId", s.id AS "slotId", a.id, a.level::text AS level, a.version
    FROM t CROSS JOIN s CROSS JOIN d LEFT JOIN assignment a ON a.slot_id = s.id AND a.duty_id = d.id`,
  write: `WITH changed AS (
      UPDATE assignment SET level = $1::"RaciLevel", version = version + 1, updated_at = now()
      WHERE id = $2 AND organization_id = $3 AND version = $4
      RETURNING version
    )
    SELECT changed.version FROM changed, LATERAL (SELECT set_config('remit.journal', $7, true), pg_notify($5, $6)) AS announced`,
} as const;

const LIVE_CHANNEL = "remit_live";

export const STEPS = ["token", "cell", "write"] as const;
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
      const [tokenRow] = (await query("token", pool, SQL.token, [tokenHash])).rows as unknown[][];
      if (!tokenRow) throw new Error("The benchmark's API token is missing from the database.");
      const [tokenId, organizationId, , tokenName, , , slug] = tokenRow as [
        string,
        string,
        string,
        string,
        unknown,
        unknown,
        string,
      ];
      // As the app checks that the token's organisation is the one in the address.
      if (slug !== orgSlug) throw new Error("The benchmark's API token belongs to another organisation.");
      const [current] = (await query("cell", pool, SQL.cell, [organizationId, cell.teamId, cell.slotId, cell.dutyId]))
        .rows as unknown[][];
      if (!current) throw new Error("A benchmark cell is missing from the database.");
      const [, , , assignmentId, level, version] = current as [string, string, string, string, TRaciLevel, number];
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
      const written = await query("write", pool, SQL.write, [
        cell.level,
        assignmentId,
        organizationId,
        version,
        LIVE_CHANNEL,
        JSON.stringify(event),
        // The writer, for the journal's triggers (lib/server/kernel/journal-context.ts).
        JSON.stringify({
          group: randomUUID(),
          actorKind: "token",
          actorId: tokenId,
          actorName: `API token "${tokenName}"`,
          action: "assignment.set",
          undoes: null,
        }),
      ]);
      return written.rowCount === 1
        ? { isWritten: true, cell: { level: cell.level, version: version + 1 } }
        : { isWritten: false, cell: { level, version } };
    },
    close: () => pool.end(),
  };
}
