import "server-only";
import { checkKey, makeKey } from "@/lib/domain/keys";
import type { TMapEntityKind } from "@/lib/domain/model";
import { slugify } from "@/lib/domain/slug";
import { AppError } from "@/lib/errors";

// Generated keys are the name's slug, maybe shortened to make room for a "-2" suffix; keys sharing this much of the
// slug are all the candidates that can clash.
const PREFIX_LENGTH = 32;

/**
 * The key for a new or renamed team, person, duty or slot: the one asked for, which must be free in its scope
 * (409 with a field error if not), or else a free key made from the name. `keysStartingWith` lists the keys in the
 * scope that start with a prefix (the organisation's teams, people or duties, or one team's slots).
 */
export async function chooseKey({
  kind,
  name,
  requested,
  currentKey,
  keysStartingWith,
}: {
  kind: TMapEntityKind;
  name: string;
  requested?: string;
  /** The entity's own key when it is being changed: keeping it is never a clash. */
  currentKey?: string;
  keysStartingWith: (prefix: string) => Promise<string[]>;
}): Promise<string> {
  if (requested !== undefined) {
    if (requested === currentKey) return requested;
    const taken = new Set(await keysStartingWith(requested));
    const problem = checkKey(kind, requested, (candidate) => taken.has(candidate));
    if (problem) throw new AppError("conflict", problem, { key: [problem] });
    return requested;
  }
  const taken = new Set(await keysStartingWith(slugify(name).slice(0, PREFIX_LENGTH)));
  return makeKey(kind, name, (candidate) => taken.has(candidate));
}
