import type { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";

/** An error answer lists at most this many problems: enough to fix a form or a file, never megabytes. */
export const MAX_FIELD_ERRORS = 100;
/** Field names (JSON paths) and messages are cut to this length; a caller chooses both. */
export const MAX_FIELD_ERROR_LENGTH = 300;

function bounded(text: string): string {
  return text.length > MAX_FIELD_ERROR_LENGTH ? `${text.slice(0, MAX_FIELD_ERROR_LENGTH - 1)}…` : text;
}

function countFieldErrors(fields: TFieldErrors): number {
  let count = 0;
  for (const messages of Object.values(fields)) count += messages.length;
  return count;
}

/**
 * Adds a message for a field, unless `fields` already holds MAX_FIELD_ERRORS (then false: the caller may stop
 * looking). Fields can be named anything a caller sends, "constructor" and "__proto__" included: each becomes a key
 * of its own, never Object.prototype's. (The object stays a plain one, which React can pass to the browser.)
 */
export function addFieldError(fields: TFieldErrors, key: string, message: string): boolean {
  if (countFieldErrors(fields) >= MAX_FIELD_ERRORS) return false;
  const field = bounded(key);
  if (Object.hasOwn(fields, field)) fields[field]!.push(bounded(message));
  else {
    Object.defineProperty(fields, field, {
      value: [bounded(message)],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return true;
}

/**
 * Every message for every field of a failed parse (up to MAX_FIELD_ERRORS), keyed by the dotted path ("" for the
 * whole input).
 */
export function fieldErrors(error: z.ZodError): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const issue of error.issues) {
    if (!addFieldError(fields, issue.path.join("."), issue.message)) break;
  }
  return fields;
}

/**
 * The error option of a body's object schema: a body that is not an object (an array, text, a number) gets a
 * message that names its fields, rather than zod's "expected object".
 */
export function objectOf(noun: string, fields: readonly string[]) {
  const quoted = fields.map((field) => `"${field}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}` : (quoted[0] ?? "");
  return {
    error: (issue: { code?: string }) =>
      issue.code === "invalid_type" ? `Send ${noun} as a JSON object with ${list}.` : undefined,
  };
}
