import type { TErrorCode, TFieldErrors } from "@/lib/errors";

/** An error answer from Remit's API, as the browser sees it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: TErrorCode | "network";
  readonly fields?: TFieldErrors;
  /** The whole answer, e.g. the current state that comes with a 409. */
  readonly body: unknown;

  constructor(status: number, code: TErrorCode | "network", message: string, fields?: TFieldErrors, body?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }
}

/** Sends one request as JSON; throws ApiError with the server's message and field errors on failure. */
export async function fetchJson(
  url: string,
  { method, body, headers }: { method: string; body?: unknown; headers?: Record<string, string> },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // A form (an upload) sets its own multipart content type, with its boundary.
      headers: {
        ...(body === undefined || body instanceof FormData ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "Remit cannot be reached. Check your connection; your change was not saved.");
  }
  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: TErrorCode; message?: string; fields?: TFieldErrors } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields,
      payload,
    );
  }
  return payload;
}

/** The message of any error, for a toast or an alert. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}
