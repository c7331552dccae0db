export const ERROR_CODES = [
  "invalid_input",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "precondition_failed",
  "payload_too_large",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

const STATUS_BY_CODE: Record<TErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Field name -> every message for that field. */
export type TFieldErrors = Record<string, string[]>;

/** What a form's server action answers: a message and field errors on failure; `ok` and data on success. */
export type TActionState = {
  ok?: boolean;
  message?: string;
  fields?: TFieldErrors;
  values?: Record<string, string>;
  /** A secret or link to show once, e.g. a new API token or invitation link. */
  reveal?: string;
};

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fields?: TFieldErrors;
  /** For rate_limited and unavailable: when to try again. */
  readonly retryAfterSeconds?: number;

  constructor(code: TErrorCode, message: string, fields?: TFieldErrors, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export type TErrorBody = { error: { code: TErrorCode; message: string; fields?: TFieldErrors } };

// An unreachable, restarting or overloaded database, as node-postgres (socket errors), PostgreSQL (SQLSTATE class 08
// connection exceptions, 57P01-57P03 shutting down or starting up, 53300 too many connections) and Prisma (P1001,
// P1002, P1017, P2024 no connection from the pool in time) report it.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "57P01",
  "57P02",
  "57P03",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
// What Prisma's driver adapter calls the same conditions (DriverAdapterError's cause).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|can't reach database|client has encountered a connection error/i;

/**
 * The error and every object nested in it, breadth first. Prisma nests the driver's error in `cause` and `meta` (a raw
 * query's P2010 carries the SQLSTATE in meta.code and the adapter's error in meta.driverAdapterError), not always as
 * Error instances.
 */
function* nestedErrors(error: unknown): Generator<Record<string, unknown>> {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 50) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const fields = current as Record<string, unknown>;
    yield fields;
    pending.push(fields.cause, fields.meta, fields.driverAdapterError);
  }
}

function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, kind, message } of nestedErrors(error)) {
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}

/** PostgreSQL's SQLSTATEs and Prisma's codes for a write refused because it would duplicate a unique value. */
export const UNIQUE_VIOLATION_CODES = new Set(["P2002", "23505"]);
/** The same for a write that points at a row that does not exist (any more). */
export const FOREIGN_KEY_VIOLATION_CODES = new Set(["P2003", "23503"]);

/**
 * Whether the error, or one nested in it, carries one of `codes`: as Prisma's code, as node-postgres's (the SQLSTATE
 * is the error's code), or as the driver adapter's `originalCode` inside a raw query's P2010.
 */
export function hasErrorCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (const { code, originalCode } of nestedErrors(error)) {
    if (
      (typeof code === "string" && codes.has(code)) ||
      (typeof originalCode === "string" && codes.has(originalCode))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * PostgreSQL's SQLSTATEs for a transaction aborted by a deadlock (40P01) or a serialization failure (40001), and
 * Prisma's code for both (P2034; its driver adapter calls them TransactionWriteConflict). Trying again may succeed.
 */
const TRANSIENT_CONFLICT_CODES = new Set(["40P01", "40001", "P2034"]);
/**
 * Prisma's code for a transaction that could not start in time (every pooled connection busy) or ran past its
 * timeout: it was rolled back, so nothing was saved, and trying again later may succeed.
 */
const TRANSACTION_TIMEOUT_CODES = new Set(["P2028"]);

/** Whether the database aborted the transaction for a deadlock or serialization failure (see above). */
export function isTransientConflict(error: unknown): boolean {
  if (hasErrorCode(error, TRANSIENT_CONFLICT_CODES)) return true;
  for (const { kind } of nestedErrors(error)) if (kind === "TransactionWriteConflict") return true;
  return false;
}

/**
 * A write that lost a race the code did not foresee: a row it points at was deleted, or another write took the same
 * unique value, between its reads and its write.
 */
function isLostRace(error: unknown): boolean {
  return hasErrorCode(error, UNIQUE_VIOLATION_CODES) || hasErrorCode(error, FOREIGN_KEY_VIOLATION_CODES);
}

/** Any thrown value as an AppError; unknown errors become a generic 500 (the caller logs the original). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      "unavailable",
      "The database is unavailable right now. Try again in a few seconds.",
      undefined,
      {
        retryAfterSeconds: 5,
      },
    );
  }
  if (isTransientConflict(error) || hasErrorCode(error, TRANSACTION_TIMEOUT_CODES)) {
    return new AppError(
      "unavailable",
      "The map was busy with other changes at the same moment; nothing was saved. Try again.",
      undefined,
      { retryAfterSeconds: 1 },
    );
  }
  if (isLostRace(error)) {
    return new AppError(
      "conflict",
      "Something this change refers to was changed or deleted at the same moment. Reload and try again.",
    );
  }
  return new AppError("internal", "Something went wrong on our side. Try again; if it keeps happening, tell us.");
}

/** The JSON response for an error: `{ error: { code, message, fields? } }` with the matching HTTP status. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(error);
  const body: TErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.fields) body.error.fields = appError.fields;
  const headers: HeadersInit =
    appError.retryAfterSeconds === undefined ? {} : { "Retry-After": String(appError.retryAfterSeconds) };
  return Response.json(body, { status: appError.status, headers });
}
