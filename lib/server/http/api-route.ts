import "server-only";
import { z } from "zod";
import { AppError, errorResponse } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, rememberingAccess, requireActor } from "@/lib/server/auth/authorize";
import type { TPermission } from "@/lib/domain/roles";
import { resolveActor } from "@/lib/server/auth/resolve-actor";
import { verifiedTokens } from "@/lib/server/auth/verify-api-token";
import { liveBus } from "@/lib/server/kernel/live-bus";
import { fieldErrors } from "@/lib/validation/fields";
import type { TAccess, TOperation, TPathParams, TUpload } from "./contract";
import { JsonBudget } from "./json-budget";
import { readQuery } from "./read-query";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "./same-origin";

export const DEFAULT_BODY_LIMIT_BYTES = 1_000_000;

type TRouteContext = { params?: Promise<Record<string, string>> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// API tokens this process verified are remembered while it hears every revocation (see VerifiedTokens).
verifiedTokens.follow(liveBus);

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

/** A value whose JSON is what the schema describes (a Date where it says a date-time string). */
type TWritten<T> = T extends string
  ? T | Date
  : T extends readonly (infer TItem)[]
    ? readonly TWritten<TItem>[]
    : T extends object
      ? { [K in keyof T]: TWritten<T[K]> }
      : T;

type TStatuses<TOp extends TOperation> = keyof TOp["responses"] & number;

/** What a handler may answer: one of its contract's statuses, with a body of the documented shape. */
export type TReply<TOp extends TOperation> = {
  [S in TStatuses<TOp>]: TOp["responses"][S] extends { schema: infer TSchema extends z.ZodType }
    ? { status: S; body: TWritten<z.output<TSchema>>; headers?: Record<string, string> }
    : TOp["responses"][S] extends { mediaType: string }
      ? { status: S; body: BodyInit; headers?: Record<string, string> }
      : { status: S; headers?: Record<string, string> };
}[TStatuses<TOp>];

type THandlerInput<TOp extends TOperation> = {
  request: Request;
  params: TPathParams<TOp["path"]>;
  actor: TActor | null;
  query: TOp["query"] extends z.ZodType ? z.output<TOp["query"]> : undefined;
  body: TOp["bodyReadByHandler"] extends true
    ? undefined
    : TOp["body"] extends z.ZodType
      ? z.output<TOp["body"]>
      : undefined;
  /** For `bodyReadByHandler`: the JSON body, not yet checked. */
  readBody: () => Promise<unknown>;
  /** For `bodyReadByHandler`: the body's bytes, for a body that is not JSON (one of `alsoAccepts`). */
  readBytes: () => Promise<Uint8Array>;
  /** For an `upload`: the file's bytes and the options part, checked by its schema. */
  readUpload: () => Promise<{
    file: Uint8Array;
    options: TOp["upload"] extends { options: { schema: infer TSchema extends z.ZodType } }
      ? z.output<TSchema>
      : undefined;
  }>;
};

/**
 * The route handler of one operation: resolves the caller, refuses cross-site writes and bodies declared larger than
 * the operation's limit (also for operations that read no body), reads and checks the query and the body as the
 * contract declares them, and turns every error into JSON. The handler's answer is typed by the contract.
 */
export const handle =
  <const TOp extends TOperation>(operation: TOp) =>
  // Two calls, so that the contract is fixed before the handler is checked against it (the answers' statuses stay
  // literal types).
  (handler: (input: THandlerInput<TOp>) => Promise<TReply<TOp>>) => {
    const bodyLimit = operation.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    const respond = async (request: Request, context?: TRouteContext): Promise<Response> => {
      try {
        if (!SAFE_METHODS.has(request.method) && declaredLength(request) > bodyLimit) throw payloadTooLarge(bodyLimit);
        // Next.js gives a route without dynamic segments no params at all.
        const params = (await context?.params) ?? {};
        // PostgreSQL refuses text with NUL characters; such an address cannot name anything.
        if (Object.values(params).some((value) => String(value).includes("\u0000"))) {
          throw new AppError("not_found", "There is nothing at this address.");
        }
        const actor = await resolveActor(request);
        assertSameOrigin(request, actor);
        // A body is read only for a caller who may call the operation: signed in, and in an organisation's routes
        // a member with the permission (the one gate, which the use case asks again and the request's memo answers):
        // a stranger's large body is refused unread.
        if (operation.access !== "anyone" && (operation.body || operation.upload)) {
          requireActor(actor);
          const permission = organisationPermission(operation.access);
          if (permission && typeof params.orgSlug === "string") {
            await authorize({ actor, orgSlug: params.orgSlug, permission });
          }
        }
        const query = operation.query ? readQuery(request, operation.query) : undefined;
        const body =
          operation.body && !operation.bodyReadByHandler
            ? await readJson(request, operation.body, {
                limit: bodyLimit,
                emptyAs: operation.bodyOptional ? {} : undefined,
              })
            : undefined;
        const reply = await handler({
          request,
          params: params as TPathParams<TOp["path"]>,
          actor,
          query: query as THandlerInput<TOp>["query"],
          body: body as THandlerInput<TOp>["body"],
          readBody: () => readJson(request, z.unknown(), { limit: bodyLimit }),
          readBytes: () => readBytes(request, bodyLimit),
          readUpload: () => readUpload(request, operation, bodyLimit) as ReturnType<THandlerInput<TOp>["readUpload"]>,
        });
        return toResponse(operation, reply as TAnyReply);
      } catch (error) {
        return errorResponse(error);
      }
    };
    // One request looks its caller up once: the check before the body and the use case's share the answer.
    return (request: Request, context?: TRouteContext) => rememberingAccess(() => respond(request, context));
  };

/** The permission an access names in the organisation of the path, if it names one. */
function organisationPermission(access: TAccess): TPermission | undefined {
  if (access === "anyone" || access === "signed-in" || access === "user") return undefined;
  return access.startsWith("user:") ? (access.slice("user:".length) as TPermission) : (access as TPermission);
}

type TAnyReply = { status: number; body?: unknown; headers?: Record<string, string> };

function toResponse(operation: TOperation, { status, body, headers }: TAnyReply): Response {
  const allHeaders = { "Cache-Control": "no-store", ...headers };
  if (body === undefined) return new Response(null, { status, headers: allHeaders });
  if (operation.responses[status]?.schema) return Response.json(body, { status, headers: allHeaders });
  return new Response(body as BodyInit, { status, headers: allHeaders });
}

function declaredLength(request: Request): number {
  return Number(request.headers.get("content-length") ?? "0");
}

async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = payloadTooLarge(limit);
  if (declaredLength(request) > limit) throw tooLarge;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  const budget = new JsonBudget();
  const parts: string[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge;
      const part = decoder.decode(value, { stream: true });
      // Checked as it arrives, so that a body nested too deep or holding too many values is refused before the
      // rest is read.
      budget.push(part);
      parts.push(part);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/**
 * The JSON body, validated; 400 with every field error (up to a bound) or when its shape exceeds the JSON budget
 * (too deep, too long a list, too many fields; see JsonBudget), 413 when too large. With `emptyAs`, a request without
 * a body reads as that value (for bodies whose every field is optional).
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

/** The body's bytes, counted as they arrive: 413 past `limit`, also when no length was declared. */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (declaredLength(request) > limit) throw payloadTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/**
 * A multipart/form-data upload as its contract declares it: the file part's bytes and the options part's JSON,
 * checked by its schema (400 naming the part and every problem).
 */
async function readUpload(
  request: Request,
  operation: TOperation,
  limit: number,
): Promise<{ file: Uint8Array; options: unknown }> {
  const upload = operation.upload as TUpload;
  const how = `Send a multipart/form-data body with the file in a part named "${upload.file.name}"`;
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new AppError("invalid_input", `${how}.`);
  const bytes = await readBytes(request, limit);
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", `The body is not readable multipart/form-data. ${how}.`);
  }
  const file = form.get(upload.file.name);
  if (!(file instanceof Blob)) {
    throw new AppError("invalid_input", `${how}.`, {
      [upload.file.name]: [`Attach the file as "${upload.file.name}".`],
    });
  }
  const options = upload.options;
  if (!options) return { file: new Uint8Array(await file.arrayBuffer()), options: undefined };
  const text = form.get(options.name);
  let value: unknown = {};
  if (typeof text === "string" && text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      const message = `"${options.name}" must be JSON.`;
      throw new AppError("invalid_input", message, { [options.name]: [message] });
    }
  } else if (text !== null && typeof text !== "string") {
    const message = `"${options.name}" must be a text part holding JSON, not a file.`;
    throw new AppError("invalid_input", message, { [options.name]: [message] });
  }
  const parsed = options.schema.safeParse(value);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([path, messages]) => [
        path === "" ? options.name : `${options.name}.${path}`,
        messages,
      ]),
    );
    throw new AppError("invalid_input", `Some options are missing or wrong; see \`fields\`.`, fields);
  }
  return { file: new Uint8Array(await file.arrayBuffer()), options: parsed.data };
}
