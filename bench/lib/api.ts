// Requests to the app's REST API with an API token.

export type TApi = { baseUrl: string; token: string };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function callApi<T>(
  { baseUrl, token }: TApi,
  method: "GET" | "PUT" | "POST",
  path: string,
  body?: unknown,
  /** The body's type: JSON unless said otherwise (a workbook's bytes, for one). */
  contentType = "application/json",
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": contentType }),
    },
    body:
      body === undefined
        ? undefined
        : typeof body === "string"
          ? body
          : body instanceof Uint8Array
            ? new Uint8Array(body)
            : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new ApiRequestError(response.status, `${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
