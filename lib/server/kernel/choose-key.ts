import "server-only";
import { checkKey, makeKey } from "@/lib/domain/keys";
import { slugify } from "@/lib/domain/slug";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysStartingWith, type TMapRowKind, type TMapRowScope } from "./find-map-row";

// Generated keys are the name's slug, maybe shortened to make room for a "-2" suffix; keys sharing this much of the
// slug are all the candidates that can clash.
const PREFIX_LENGTH = 32;

/**
 * The key for a new or renamed team, person, duty or slot: the one asked for, which must be free in its scope
 * (409 with a field error if not), or else a free key made from the name. The scope is the organisation for teams,
 * people and duties, and the team for slots.
 */
export async function chooseKey<K extends TMapRowKind>(
  client: Prisma.TransactionClient,
  kind: K,
  scope: TMapRowScope<K>,
  {
    name,
    requested,
    currentKey,
  }: {
    name: string;
    requested?: string;
    /** The row's own key when it is being changed: keeping it is never a clash. */
    currentKey?: string;
  },
): Promise<string> {
  const taken = async (prefix: string) => new Set(await keysStartingWith(client, kind, scope, prefix));
  if (requested !== undefined) {
    if (requested === currentKey) return requested;
    const keys = await taken(requested);
    const problem = checkKey(kind, requested, (candidate) => keys.has(candidate));
    if (problem) throw new AppError("conflict", problem, { key: [problem] });
    return requested;
  }
  const keys = await taken(slugify(name).slice(0, PREFIX_LENGTH));
  return makeKey(kind, name, (candidate) => keys.has(candidate));
}

/** The key of a row being changed: undefined (it keeps its key) unless one is asked for, then as chooseKey. */
export async function changedKey<K extends TMapRowKind>(
  client: Prisma.TransactionClient,
  kind: K,
  scope: TMapRowScope<K>,
  change: { name: string; requested?: string; currentKey: string },
): Promise<string | undefined> {
  return change.requested === undefined ? undefined : chooseKey(client, kind, scope, change);
}
