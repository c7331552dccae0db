import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, toAppError, type TActionState } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/fields";
import { canBeStored } from "@/lib/validation/map-fields";

export type { TActionState };

/** Form fields as strings, to validate and to refill the form with after an error. */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
}

/** Parses form values with a schema, or throws invalid_input with every field error. */
export function parseForm<TSchema extends z.ZodType>(schema: TSchema, values: unknown): z.infer<TSchema> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Check the highlighted fields.", fieldErrors(parsed.error));
  }
  return parsed.data;
}

/**
 * Checks an action's bound arguments (slugs and ids the page passed): like form fields, they arrive from the
 * browser and may be anything. Values that are not text, or text with NUL, cannot name anything.
 */
export function assertAddresses(...values: unknown[]): void {
  if (values.some((value) => typeof value !== "string" || !canBeStored(value))) {
    throw new AppError("not_found", "There is nothing at this address.");
  }
}

/** An error as form state. Unexpected errors are logged and shown as a generic message. */
export function actionError(error: unknown, values?: Record<string, string>): TActionState {
  // redirect() and notFound() work by throwing; they must reach Next.js.
  unstable_rethrow(error);
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(error);
  return { ok: false, message: appError.message, fields: appError.fields, values };
}
