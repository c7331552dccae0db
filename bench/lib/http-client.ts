// A keep-alive HTTP client for timed requests outside autocannon, so that the app and its baselines are called alike.
import http from "node:http";
import { now } from "./clock";

export type THttpAnswer = { status: number; body: string; sentAt: number; answeredAt: number };

export type THttpClient = {
  /** Sends a request; `sentAt` and `answeredAt` (the whole answer in) are `now()`, the monotonic clock. */
  send: (url: string, method: string, headers: Record<string, string>, body: string) => Promise<THttpAnswer>;
  close: () => void;
};

export function createHttpClient({ sockets }: { sockets: number }): THttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    send: (url, method, headers, body) =>
      new Promise((resolve, reject) => {
        const sentAt = now();
        const request = http.request(
          url,
          { method, agent, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                body: Buffer.concat(chunks).toString("utf8"),
                sentAt,
                answeredAt: now(),
              }),
            );
            response.on("error", reject);
          },
        );
        request.on("error", reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
}
