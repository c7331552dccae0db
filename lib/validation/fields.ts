import type { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";

/**
 * Adds a message for a field. Fields can be named anything a caller sends, "constructor" and "__proto__" included:
 * each becomes a key of its own, never Object.prototype's. (The object stays a plain one, which React can pass to
 * the browser.)
 */
export function addFieldError(fields: TFieldErrors, key: string, message: string): void {
  if (Object.hasOwn(fields, key)) fields[key]!.push(message);
  else Object.defineProperty(fields, key, { value: [message], enumerable: true, writable: true, configurable: true });
}

/** Every message for every field of a failed parse, keyed by the dotted path ("" for the whole input). */
export function fieldErrors(error: z.ZodError): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const issue of error.issues) addFieldError(fields, issue.path.join("."), issue.message);
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
