"use client";

import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import type { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/fields";
import { ApiError, errorMessage } from "./api-error";

/**
 * A form's errors by field ("" for the whole form): checked in the browser with the API's own schema, so every
 * problem shows at once beside its field, and the server's field errors (a taken email) shown the same way.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<TFieldErrors>({});
  /** The value as the schema reads it, or null (and the errors shown). */
  const check = <TSchema extends z.ZodType>(schema: TSchema, value: unknown): z.output<TSchema> | null => {
    const parsed = schema.safeParse(value);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    return parsed.success ? parsed.data : null;
  };
  /** Shows the field errors of a refused write; true when it had some. */
  const showServerErrors = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || !error.fields) return false;
    setErrors(error.fields);
    return true;
  };
  const toast = useToast();
  /** A refused write: its field errors beside the fields, its message in a toast. */
  const refused = (error: unknown, fallback: string) => {
    showServerErrors(error);
    toast.show(errorMessage(error, fallback), "error");
  };
  return { errors, setErrors, check, showServerErrors, refused };
}
