import "server-only";
import { db } from "@/lib/db";
import { mapFromRows, type TMapRows } from "@/lib/domain/journal";
import { BASE_PART, cellPartOf, rewindTo, rowsAtNow, type TRowsAt, withCellsOf } from "@/lib/domain/journal-checkpoint";
import type { TRemitMap } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { readMapRows } from "./apply-rows";
import { readCheckpointFrom } from "./journal-checkpoints";
import { readRewindEntries } from "./journal-entries";

const ALL_BUT_CELLS = ["person", "duty", "team", "slot"] as const;

/**
 * The organisation's rows as they were at `at`: the earliest checkpoint at or after it (today's rows when there is
 * none) rewound by the entries dated between, so that the work is bounded by the entries between two checkpoints,
 * whatever the journal's length. With `team` (an id or key, as it was then): every row but cells, and only that
 * team's cells; `teamId` is the team it named then, if any. Call it in one snapshot (a repeatable-read transaction,
 * or one in which the map cannot change).
 */
export async function readRowsAt(
  client: Prisma.TransactionClient,
  organizationId: string,
  at: Date,
  team?: string,
): Promise<{ rows: TMapRows; teamId?: string }> {
  const checkpoint = await readCheckpointFrom(client, organizationId, at);
  const dated = checkpoint ? Prisma.sql`at > ${at} AND at <= ${checkpoint.at}` : Prisma.sql`at > ${at}`;
  const rewound = async (from: TRowsAt, entries: Prisma.Sql) =>
    rewindTo(from, await readRewindEntries(client, organizationId, Prisma.sql`${dated} AND ${entries}`)).rows;

  if (team === undefined) {
    const from = checkpoint
      ? await checkpoint.read(Prisma.sql`TRUE`)
      : rowsAtNow(await readMapRows(client, organizationId));
    return { rows: await rewound(from, Prisma.sql`TRUE`) };
  }
  // One team: everything but cells first, to know which team `team` named then; then that team's cells.
  const base = await rewound(
    checkpoint
      ? await checkpoint.read(Prisma.sql`part = ${BASE_PART}`)
      : rowsAtNow(await readMapRows(client, organizationId, { entities: ALL_BUT_CELLS })),
    Prisma.sql`entity <> 'assignment'`,
  );
  const teamId = base.team.has(team) ? team : [...base.team.values()].find((row) => row.key === team)?.id;
  if (teamId === undefined) return { rows: base };
  const cells = await rewound(
    checkpoint
      ? await checkpoint.read(Prisma.sql`part = ${cellPartOf(teamId)}`)
      : rowsAtNow(await readMapRows(client, organizationId, { entities: ["assignment"], cellsOf: teamId })),
    Prisma.sql`entity = 'assignment' AND team_id = ${teamId}`,
  );
  return { rows: withCellsOf({ ...base, assignment: cells.assignment }, teamId), teamId };
}

/**
 * The organisation's map as it was at `at`, read in one snapshot. Before the journal's first entry (the
 * organisation's creation, or this feature's installation for older ones) it is the oldest state the journal knows.
 * With `team` (an id or key): only that team's cells, enough for its screen (see readRowsAt).
 */
export async function loadMapAt(organizationId: string, at: Date, team?: string): Promise<TRemitMap> {
  return db.$transaction(async (tx) => mapFromRows((await readRowsAt(tx, organizationId, at, team)).rows), {
    isolationLevel: "RepeatableRead",
    timeout: 60_000,
  });
}
