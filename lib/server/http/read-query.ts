import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/fields";

/** The URL's query parameters, validated; 400 with every field error. A repeated parameter counts once (the last). */
export function readQuery<TSchema extends z.ZodType>(request: Request, schema: TSchema): z.infer<TSchema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new AppError("invalid_input", "Some query parameters are wrong; see `fields`.", fieldErrors(parsed.error));
  }
  return parsed.data;
}
