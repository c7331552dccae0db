import { z } from "zod";

/** Field pieces shared by the schemas of the map's REST API (teams, people, duties, slots, assignments). */

export const REF_MAX_LENGTH = 100;

/** An id, or a key where the API accepts one. */
export function ZRef(field: string, noun: string) {
  const message = `"${field}" must be the id or key of ${noun}.`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Add "${field}": the id or key of ${noun}.` : message) })
    .trim()
    .min(1, message)
    .max(REF_MAX_LENGTH, message);
}

/**
 * An id or key from the caller, as an error message quotes it: cut short past REF_MAX_LENGTH characters (no id or
 * key is longer), so that a huge value does not bury the sentence.
 */
export function shownRef(ref: string): string {
  const characters = Array.from(ref);
  return characters.length <= REF_MAX_LENGTH ? ref : `${characters.slice(0, REF_MAX_LENGTH).join("")}…`;
}

/** A 0-based position in a list (duties in the catalogue, slots in their team). */
export const ZPosition = z
  .number({ error: `"order" must be a position: 0 for first, 1 for second, and so on.` })
  .int(`"order" must be a whole number: 0 for first, 1 for second, and so on.`)
  .min(0, `"order" cannot be negative: 0 is the first position.`)
  .max(100_000, `"order" is a position in the list; use a smaller number.`);

/**
 * A JSON object body with these fields and no others, so that a misspelt field is reported rather than ignored.
 * `noun` completes "not a field of …", like "a team".
 */
export function ZBody<TShape extends z.ZodRawShape>(noun: string, shape: TShape) {
  const fields = Object.keys(shape).map((field) => `"${field}"`);
  const list = fields.length > 1 ? `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}` : (fields[0] ?? "");
  return z
    .strictObject(shape, {
      error: (issue) => {
        if (issue.code === "unrecognized_keys") {
          const unknown = issue.keys.map((key) => JSON.stringify(key)).join(", ");
          return `Remove ${unknown}: not a field of ${noun}. Its fields are ${list}.`;
        }
        if (issue.code === "invalid_type") return `Send ${noun} as a JSON object with ${list}.`;
        return undefined;
      },
    })
    .superRefine(refuseNul);
}

/** A superRefine that reports every text with a NUL character, at its path. */
export function refuseNul(value: unknown, context: z.RefinementCtx): void {
  for (const path of nulCharacterPaths(value)) context.addIssue({ code: "custom", path, message: NUL_MESSAGE });
}

export const NUL_MESSAGE = "Remove the NUL character (\\u0000) from this text: it cannot be stored.";

/** Whether PostgreSQL can store (or compare) this text: everything but the NUL character. */
export function canBeStored(text: string): boolean {
  return !text.includes("\u0000");
}

/**
 * Where a JSON value has text with the NUL character, which PostgreSQL cannot store in text columns and which no
 * name or label needs. The paths are lists of keys and indexes, as zod's.
 */
export function nulCharacterPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  // A stack rather than recursion, and each step linked to its parent rather than carrying its whole path: a JSON
  // body can nest deeper than the call stack (and than a path per level could fit in memory). Only containers and
  // texts that cannot be stored become steps, in document order; a 25 MB map has about a million other values.
  type TStep = { value: unknown; key?: string | number; parent?: TStep };
  if (typeof value === "string") return canBeStored(value) ? [] : [[...path]];
  const found: (string | number)[][] = [];
  const pending: TStep[] = [{ value }];
  const visit = (parent: TStep, key: string | number, item: unknown) => {
    if (typeof item === "string" ? !canBeStored(item) : typeof item === "object" && item !== null) {
      pending.push({ value: item, key, parent });
    }
  };
  while (pending.length > 0) {
    const step = pending.pop()!;
    const current = step.value;
    if (typeof current === "string") {
      found.push([...path, ...keysTo(step)]);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) visit(step, index, current[index]);
    } else if (typeof current === "object" && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index--) {
        visit(step, keys[index]!, (current as Record<string, unknown>)[keys[index]!]);
      }
    }
  }
  return found;
}

function keysTo(step: { key?: string | number; parent?: typeof step }): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let current: typeof step | undefined = step; current?.parent; current = current.parent) keys.push(current.key!);
  return keys.reverse();
}

/** For a PATCH: at least one field must be there, or the request does nothing. */
export function hasSomeField(value: Record<string, unknown>): boolean {
  return Object.values(value).some((field) => field !== undefined);
}

export const NOTHING_TO_CHANGE = "Send at least one field to change.";
