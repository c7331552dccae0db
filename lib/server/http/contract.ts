import "server-only";
import { z } from "zod";
import type { TPermission } from "@/lib/domain/roles";
import { ERROR_CODES } from "@/lib/errors";

export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const HTTP_METHODS: readonly THttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Who may call an operation: anyone; any signed-in caller (user or API token); a signed-in user only (tokens get
 * 403); a member (or token) of the organisation in the path with this permission; or, `user:<permission>`, a member
 * with this permission who is a person (the organisation's tokens get 403). The use case checks it
 * (lib/server/auth/authorize.ts); the contract says it, and the HTTP contract tests hold the two together.
 */
export type TAccess = "anyone" | "signed-in" | "user" | TPermission | `user:${TPermission}`;

export type TTag =
  | "Accounts"
  | "Organisations"
  | "Teams"
  | "Slots"
  | "Assignments"
  | "People"
  | "Duties"
  | "Map"
  | "Journal"
  | "Drafts"
  | "Live"
  | "Webhooks"
  | "Comments"
  | "Notifications"
  | "API";

export type TAnswer = {
  description: string;
  /** A JSON body; none for 204. */
  schema?: z.ZodType;
  /** A body of another type, described in words. */
  mediaType?: string;
};

/** One operation of the API: what the route's handler accepts and answers, and who may call it. */
export type TOperation = {
  method: THttpMethod;
  /** OpenAPI style, like `/api/v1/orgs/{orgSlug}/teams/{teamId}`: the route's folder, brackets as braces. */
  path: string;
  tag: TTag;
  summary: string;
  description?: string;
  access: TAccess;
  /** The query parameters; read and checked before the handler runs (400 with every problem). */
  query?: z.ZodObject;
  /** The JSON body; read and checked before the handler runs (400 with every problem, 413 when too large). */
  body?: z.ZodType;
  /** The body may be left out, and then reads as `{}` (for bodies whose every field is optional). */
  bodyOptional?: boolean;
  /**
   * The handler reads and checks the body itself, after it has authorised the caller (`readBody` in its input):
   * for a large body that reports each problem by its JSON path. `body` still documents it.
   */
  bodyReadByHandler?: boolean;
  /**
   * A multipart/form-data upload instead of a JSON body: one file part, and a part of JSON options checked by
   * `options.schema`. The handler reads it (`readUpload` in its input) after the caller is authorised.
   */
  upload?: TUpload;
  /** Bodies of other media types the handler reads (`bodyReadByHandler`), besides the JSON `body`. */
  alsoAccepts?: readonly { mediaType: string; description: string }[];
  /** The largest body accepted; 1 MB when unset. */
  bodyLimitBytes?: number;
  /** The answers the handler gives; the errors every route may give are added by the OpenAPI document. */
  responses: Record<number, TAnswer>;
};

export type TUpload = {
  file: { name: string; description: string; mediaTypes: readonly string[] };
  options?: { name: string; description: string; schema: z.ZodType };
};

/** Declares an operation; its literal types type the handler (`handle` in ./api-route.ts). */
export function defineOperation<const T extends TOperation>(operation: T): T {
  return operation;
}

export const ORG_PATH = "/api/v1/orgs/{orgSlug}";
export const TEAM_PATH = `${ORG_PATH}/teams/{teamId}`;
export const DRAFT_PATH = `${ORG_PATH}/drafts/{draftId}`;

/**
 * Answer schemas with a name: the OpenAPI document lists them under `components` and refers to them by name. Answers
 * are strict objects, so an answer with a field the contract does not name fails the contract tests.
 */
export const NAMED_ANSWERS = z.registry<{ id: string }>();

export function named<TSchema extends z.ZodType>(id: string, schema: TSchema): TSchema {
  NAMED_ANSWERS.add(schema, { id });
  return schema;
}

/** A date and time in an answer, as ISO 8601 (a `Date` in the handler's value). */
export const ZDateTime = z.iso.datetime({ offset: true });

export const ZErrorBody = named(
  "ErrorBody",
  z.strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "What went wrong and what to do about it, for a person to read." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Every problem with the input, by field name or JSON path ("" for the whole input).' }),
    }),
  }),
);

/** Wraps fields in the strict object most answers are. */
export const wrap = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

export const answer = <TSchema extends z.ZodType>(description: string, schema: TSchema) => ({ description, schema });

export const noContent = (description: string) => ({ description });

export const notFound = (what: string) => answer(`No such ${what} in this organisation.`, ZErrorBody);

export const conflict = (description: string) => answer(description, ZErrorBody);

/** The path parameters a route's path names, each a string. */
export type TPathParams<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof TPathParams<Rest>]: string }
  : Record<never, string>;

/** What each error status an operation may answer means, for its documentation. */
export const ERROR_STATUSES: Record<number, string> = {
  400: "The input is wrong; `error.fields` lists every problem.",
  401: "Not signed in, or the API token is unknown or revoked.",
  403: "Signed in, but not allowed to do this (or a browser's write that came from another site).",
  404: "No such organisation, or the caller is not a member of it.",
  413: "The request body is too large.",
  429: "A rate limit is used up (per API token, or for unknown tokens per address); try again after `Retry-After` seconds.",
  500: "Something went wrong on the server; nothing was changed by a request that failed part-way.",
  503: "The database is unavailable; try again after `Retry-After` seconds.",
};

/** The error statuses an operation may answer besides its own answers. */
export function errorStatuses(operation: TOperation): number[] {
  const statuses = operation.body || operation.query || operation.upload ? [400] : [];
  // Every write refuses a body declared larger than its limit, even one it would not read.
  if (operation.method !== "GET" || operation.bodyLimitBytes !== undefined || operation.body || operation.upload) {
    statuses.push(413);
  }
  // A wrong bearer token is refused everywhere, as is a signed-in browser's write that comes from another site.
  statuses.push(401);
  if (operation.method !== "GET" || (operation.access !== "anyone" && operation.access !== "signed-in")) {
    statuses.push(403);
  }
  if (operation.path.includes("{orgSlug}")) statuses.push(404);
  // Any request may carry a bearer token, and tokens are rate limited.
  statuses.push(429, 500, 503);
  return statuses;
}

/** The documented answer of an operation with this status: its own, or an error every such operation may give. */
export function documentedAnswer(operation: TOperation, status: number): TAnswer | undefined {
  return (
    operation.responses[status] ??
    (errorStatuses(operation).includes(status)
      ? { description: ERROR_STATUSES[status]!, schema: ZErrorBody }
      : undefined)
  );
}
