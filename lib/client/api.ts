import type { z } from "zod";
import { fetchJson } from "./api-error";
import type { TAnyOperation } from "./operations";

type TKeyOf<TOp> = TOp extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** An operation by its method and path template, as its contract declares them: `"PATCH /api/v1/orgs/{orgSlug}/…"`. */
export type TOperationKey = TKeyOf<TAnyOperation>;

type TOperationAt<K extends TOperationKey> = TAnyOperation extends infer TOp
  ? TOp extends unknown
    ? TKeyOf<TOp> extends K
      ? TOp
      : never
    : never
  : never;

type TPathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;

/** The parameters a path template names, each a string. */
export type TPathParams<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}`
  ? { [P in Name | keyof TPathParams<Rest>]: string }
  : Record<never, string>;

type TSuccessStatus = 200 | 201 | 202 | 204;

/** What an operation answers on success: its 2xx answer's schema, as JSON (dates as ISO strings). */
export type TResponse<K extends TOperationKey> = {
  [S in keyof TOperationAt<K>["responses"] & TSuccessStatus]: TOperationAt<K>["responses"][S] extends {
    schema: infer TSchema extends z.ZodType;
  }
    ? z.output<TSchema>
    : undefined;
}[keyof TOperationAt<K>["responses"] & TSuccessStatus];

/** The JSON body an operation takes, as its schema accepts it. */
export type TBody<K extends TOperationKey> =
  TOperationAt<K> extends { body: infer TSchema extends z.ZodType }
    ? z.input<TSchema>
    : TOperationAt<K> extends { upload: object }
      ? FormData
      : never;

type TQueryValue = string | number | boolean | null | undefined;

/** The query parameters an operation reads, each by the name its schema gives it. */
export type TQuery<K extends TOperationKey> =
  TOperationAt<K> extends { query: infer TSchema extends z.ZodType }
    ? { [P in keyof z.output<TSchema>]?: TQueryValue }
    : never;

type TParamsPart<K extends TOperationKey> = keyof TPathParams<TPathOf<K>> extends never
  ? { params?: Record<never, string> }
  : { params: TPathParams<TPathOf<K>> };
type TQueryPart<K extends TOperationKey> = [TQuery<K>] extends [never] ? { query?: never } : { query?: TQuery<K> };
type TBodyPart<K extends TOperationKey> = [TBody<K>] extends [never]
  ? { body?: never }
  : TOperationAt<K> extends { bodyOptional: true }
    ? { body?: TBody<K> }
    : { body: TBody<K> };

/** Everything one request needs besides its operation: path parameters, query, body, extra headers. */
export type TRequest<K extends TOperationKey> = TParamsPart<K> &
  TQueryPart<K> &
  TBodyPart<K> & { headers?: Record<string, string> };

/** An operation that needs no input at all may be called without any. */
type TRequestArgs<K extends TOperationKey> =
  object extends TRequest<K> ? [request?: TRequest<K>] : [request: TRequest<K>];

/**
 * The URL of an operation: its path template with each `{name}` replaced by the parameter, encoded, and the query
 * after it (empty values left out). A parameter the template names but `params` lacks is an error, not "undefined".
 */
export function buildUrl(
  template: string,
  params: Record<string, string> = {},
  query: Record<string, TQueryValue> = {},
): string {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new Error(`The API path ${template} needs "${name}".`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function splitKey(key: string): { method: string; template: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space), template: key.slice(space + 1) };
}

/** The URL of a GET operation, for a link, a download or an EventSource. */
export function apiUrl<K extends TOperationKey & `GET ${string}`>(key: K, ...[request]: TRequestArgs<K>): string {
  const { params, query } = (request ?? {}) as { params?: Record<string, string>; query?: Record<string, TQueryValue> };
  return buildUrl(splitKey(key).template, params, query);
}

/** The URL of any operation, for a request the API client cannot send (a beacon). */
export function operationUrl<K extends TOperationKey>(key: K, params: TPathParams<TPathOf<K>>): string {
  return buildUrl(splitKey(key).template, params);
}

/**
 * Calls one operation of Remit's API from the browser, typed by its contract: `callApi("PATCH /api/v1/orgs/{orgSlug}/
 * duties/{dutyId}", { params, body })`. Throws ApiError (lib/client/api-error.ts) with the server's message and field
 * errors.
 */
export async function callApi<K extends TOperationKey>(key: K, ...[request]: TRequestArgs<K>): Promise<TResponse<K>> {
  const { method, template } = splitKey(key);
  const { params, query, body, headers } = (request ?? {}) as {
    params?: Record<string, string>;
    query?: Record<string, TQueryValue>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  return (await fetchJson(buildUrl(template, params, query), { method, body, headers })) as TResponse<K>;
}
