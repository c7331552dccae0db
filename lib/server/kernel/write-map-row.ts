import "server-only";
import type { TJournalAction } from "@/lib/domain/journal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changedKey, chooseKey } from "./choose-key";
import { findMapRow, type TMapRowKind, type TMapRowRefs, type TMapRowScope } from "./find-map-row";
import { writeMap, type TOrgCall } from "./map-write";
import { followTeamKeys } from "./write-rules";

// The creates, updates and deletes of one team, person or duty (slots, scoped by their team, write their own on
// writeMap). Each is one map write (see writeMap); what is particular to the kind is the caller's `work`.

type TOrgKind = Exclude<TMapRowKind, "slot">;
type TTx = Prisma.TransactionClient;
type TRemove = (tx: TTx, where: { id: string; organizationId: string }) => Promise<unknown>;

const ACTIONS: Record<TMapRowKind, { create: TJournalAction; update: TJournalAction; delete: TJournalAction }> = {
  team: { create: "team.create", update: "team.update", delete: "team.delete" },
  person: { create: "person.create", update: "person.update", delete: "person.delete" },
  duty: { create: "duty.create", update: "duty.update", delete: "duty.delete" },
  slot: { create: "slot.create", update: "slot.update", delete: "slot.delete" },
};

const REMOVES: Record<TMapRowKind, TRemove> = {
  team: (tx, where) => tx.team.delete({ where, select: { id: true } }),
  person: (tx, where) => tx.person.delete({ where, select: { id: true } }),
  duty: (tx, where) => tx.duty.delete({ where, select: { id: true } }),
  slot: (tx, where) => tx.slot.delete({ where, select: { id: true } }),
};

/** Checks to make before the key is chosen (a person's email must be free). */
type TCheck<TRow> = (tx: TTx, organizationId: string, row?: TRow) => Promise<void>;

/**
 * Creates a row of an organisation-scoped kind: `work` is given its key, the one asked for (409 when taken) or one
 * made from the name. A key or email taken meanwhile by another write makes it run again (retryOnUniqueViolation).
 */
export async function createMapRow<T>(
  call: TOrgCall,
  kind: TOrgKind,
  { name, key, check }: { name: string; key?: string; check?: TCheck<never> },
  work: (tx: TTx, key: string, organizationId: string) => Promise<T>,
): Promise<T> {
  const spec = { ...call, action: ACTIONS[kind].create, entity: kind, retriesUniqueViolations: true };
  return writeMap(spec, async ({ tx, organizationId }) => {
    await check?.(tx, organizationId);
    return work(tx, await chooseKey(tx, kind, { organizationId }, { name, requested: key }), organizationId);
  });
}

/**
 * Changes a row of an organisation-scoped kind, found by id or key (404 when there is none): `work` is given the row
 * and its key after the change, undefined unless `changes.key` asks for one (see changedKey). Retried as createMapRow.
 */
export async function updateMapRow<K extends TOrgKind, T>(
  call: TOrgCall,
  kind: K,
  { ref, changes, check }: { ref: string; changes: { key?: string; name?: string }; check?: TCheck<TMapRowRefs[K]> },
  work: (tx: TTx, row: TMapRowRefs[K], key: string | undefined, organizationId: string) => Promise<T>,
): Promise<T> {
  const spec = { ...call, action: ACTIONS[kind].update, entity: kind, retriesUniqueViolations: true };
  return writeMap(spec, async ({ tx, organizationId }) => {
    const scope = { organizationId } as TMapRowScope<K>;
    const row: TMapRowRefs[K] = await findMapRow(tx, kind, { ...scope, ref });
    await check?.(tx, organizationId, row);
    const requested = { name: changes.name ?? row.name, requested: changes.key, currentKey: row.key };
    const key = await changedKey(tx, kind, scope, requested);
    const result = await work(tx, row, key, organizationId);
    // Rules name the teams they exempt by key: a team whose key changes stays exempt.
    if (kind === "team" && key !== undefined && key !== row.key) {
      await followTeamKeys(tx, organizationId, { renamed: new Map([[row.key, key]]) });
    }
    return result;
  });
}

type TRow = { id: string; key: string };

/** The row to delete: a team, person or duty by id or key, or a slot as `find` finds it (in its team). */
type TDeleteTarget =
  { kind: TOrgKind; ref: string } | { kind: "slot"; find: (tx: TTx, organizationId: string) => Promise<TRow> };

/**
 * Deletes one row (404 when there is none); what hangs on it goes with it or is vacated, as the schema says.
 * `before` runs in the same transaction just before the delete: it counts what goes with it, for the answer (the
 * row's id and key with those counts), and tidies what the schema's cascades leave behind.
 */
export async function deleteMapRow<TCounts extends object>(
  call: TOrgCall,
  target: TDeleteTarget,
  before: (tx: TTx, row: TRow, organizationId: string) => Promise<TCounts>,
): Promise<TRow & TCounts> {
  const { kind } = target;
  return writeMap({ ...call, action: ACTIONS[kind].delete, entity: kind }, async ({ tx, organizationId }) => {
    const row =
      target.kind === "slot"
        ? await target.find(tx, organizationId)
        : await findMapRow(tx, target.kind, { organizationId, ref: target.ref });
    const counts = await before(tx, row, organizationId);
    await REMOVES[kind](tx, { id: row.id, organizationId });
    if (kind === "team") await followTeamKeys(tx, organizationId, { removed: new Set([row.key]) });
    return { id: row.id, key: row.key, ...counts };
  });
}
