import type { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";

/** Every message for every field of a failed parse, keyed by the dotted path ("" for the whole input). */
export function fieldErrors(error: z.ZodError): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
