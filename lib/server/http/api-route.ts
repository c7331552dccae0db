import "server-only";
import type { z } from "zod";
import { AppError, errorResponse } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { resolveActor } from "@/lib/server/auth/resolve-actor";
import { fieldErrors } from "@/lib/validation/fields";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "./same-origin";

export const DEFAULT_BODY_LIMIT_BYTES = 1_000_000;

type TRouteContext<TParams> = { params?: Promise<TParams> };
type THandlerInput<TParams> = { request: Request; params: TParams; actor: TActor | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser's cookie-authenticated write must come from this site (no cross-site request forgery). Tokens are
 * exempt: they are never sent by a browser on its own.
 */
function assertSameOrigin(request: Request, actor: TActor | null): void {
  if (SAFE_METHODS.has(request.method) || actor?.kind !== "user" || isSameOrigin(request.headers)) return;
  throw new AppError("forbidden", CROSS_SITE_MESSAGE);
}

function payloadTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(limit / 1000)} kB.`);
}

/**
 * A route handler that resolves the caller, refuses cross-site writes and write bodies declared larger than
 * `bodyLimit` (also for routes that read no body), and turns every error into JSON.
 */
export function apiRoute<TParams = Record<string, never>>(
  handler: (input: THandlerInput<TParams>) => Promise<Response>,
  { bodyLimit = DEFAULT_BODY_LIMIT_BYTES }: { bodyLimit?: number } = {},
) {
  return async (request: Request, context: TRouteContext<TParams>): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(request.method) && declaredLength(request) > bodyLimit) throw payloadTooLarge(bodyLimit);
      // Next.js gives a route without dynamic segments no params at all.
      const params = ((await context?.params) ?? {}) as TParams;
      // PostgreSQL refuses text with NUL characters; such an address cannot name anything.
      if (Object.values(params as Record<string, unknown>).some((value) => String(value).includes("\u0000"))) {
        throw new AppError("not_found", "There is nothing at this address.");
      }
      const actor = await resolveActor(request);
      assertSameOrigin(request, actor);
      return await handler({ request, params, actor });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function declaredLength(request: Request): number {
  return Number(request.headers.get("content-length") ?? "0");
}

async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = payloadTooLarge(limit);
  if (declaredLength(request) > limit) throw tooLarge;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * The JSON body, validated; 400 with every field error, 413 when too large. With `emptyAs`, a request without a
 * body reads as that value (for bodies whose every field is optional).
 */
export async function readJson<TSchema extends z.ZodType>(
  request: Request,
  schema: TSchema,
  { limit = DEFAULT_BODY_LIMIT_BYTES, emptyAs }: { limit?: number; emptyAs?: unknown } = {},
): Promise<z.infer<TSchema>> {
  const text = await readText(request, limit);
  let body: unknown;
  try {
    body = emptyAs !== undefined && text.trim() === "" ? emptyAs : JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Some fields are missing or wrong; see `fields`.", fieldErrors(parsed.error));
  }
  return parsed.data;
}

/** A JSON response that is never cached. */
export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}
