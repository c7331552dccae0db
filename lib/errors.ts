export type TErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

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

// node-postgres and Prisma report an unreachable database with these codes.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "P1001",
  "P1002",
  "P1017",
]);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (/connection terminated|timeout exceeded when trying to connect|can't reach database/i.test(current.message)) {
      return true;
    }
  }
  return false;
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
