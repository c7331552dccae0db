import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBeStored, shownRef } from "@/lib/validation/map-fields";

/** The map rows that have a key: unique in the organisation for teams, people and duties, in the team for slots. */
export type TMapRowKind = "team" | "person" | "duty" | "slot";

/** What a lookup answers for each kind: its id and key, and what names it in messages. */
export type TMapRowRefs = {
  team: { id: string; key: string; name: string };
  person: { id: string; key: string; name: string };
  duty: { id: string; key: string; name: string };
  slot: { id: string; key: string; role: string };
};

/** Where a kind's keys are unique: the organisation, and for a slot its team too. */
export type TMapRowScope<K extends TMapRowKind> = { organizationId: string } & (K extends "slot"
  ? { team: { id: string; key: string } }
  : unknown);

type TRowFilter = { OR: [{ id: string }, { key: string }] } | { key: { startsWith: string } };

type TTables = {
  [K in TMapRowKind]: (
    client: Prisma.TransactionClient,
    scope: TMapRowScope<K>,
    filter: TRowFilter,
    take?: number,
  ) => Promise<TMapRowRefs[K][]>;
};

const NAMED = { id: true, key: true, name: true } as const;

/** Each kind's table, read within its scope. */
const TABLES: TTables = {
  team: (client, { organizationId }, filter, take) =>
    client.team.findMany({ where: { organizationId, ...filter }, select: NAMED, take }),
  person: (client, { organizationId }, filter, take) =>
    client.person.findMany({ where: { organizationId, ...filter }, select: NAMED, take }),
  duty: (client, { organizationId }, filter, take) =>
    client.duty.findMany({ where: { organizationId, ...filter }, select: NAMED, take }),
  slot: (client, { organizationId, team }, filter, take) =>
    client.slot.findMany({
      where: { organizationId, teamId: team.id, ...filter },
      select: { id: true, key: true, role: true },
      take,
    }),
};

/**
 * The row of this kind with this id, or else this key, in its scope; 404 when there is none (a row of another
 * organisation, or a slot of another team, is none). `field` names the request field the reference came from, for
 * the error.
 */
export async function findMapRow<K extends TMapRowKind>(
  client: Prisma.TransactionClient,
  kind: K,
  { ref, field, ...scope }: TMapRowScope<K> & { ref: string; field?: string },
): Promise<TMapRowRefs[K]> {
  const table: TTables[K] = TABLES[kind];
  // Text with NUL cannot be stored, so it names nothing (and PostgreSQL would refuse to compare it).
  const rows = canBeStored(ref)
    ? await table(client, scope as TMapRowScope<K>, { OR: [{ id: ref }, { key: ref }] }, 2)
    : [];
  const row = rows.find((candidate) => candidate.id === ref) ?? rows[0];
  if (!row) {
    const { team } = scope as { team?: { key: string } };
    const message = team
      ? `Team "${team.key}" has no slot with the id or key "${shownRef(ref)}".`
      : `There is no ${kind} with the id or key "${shownRef(ref)}" in this organisation.`;
    throw new AppError("not_found", message, field ? { [field]: [message] } : undefined);
  }
  return row;
}

/** The keys in the kind's scope that start with `prefix`, for `chooseKey`. */
export async function keysStartingWith<K extends TMapRowKind>(
  client: Prisma.TransactionClient,
  kind: K,
  scope: TMapRowScope<K>,
  prefix: string,
): Promise<string[]> {
  const table: TTables[K] = TABLES[kind];
  return (await table(client, scope, { key: { startsWith: prefix } })).map((row) => row.key);
}
