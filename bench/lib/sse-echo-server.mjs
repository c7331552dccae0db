// The baseline for live propagation: the least a server can do to pass a write on to its subscribers. A bare Node.js
// HTTP server, no framework, no database: POST /write answers, then pushes the body as a `change` event to every
// GET /events stream. Plain JavaScript, so that it runs on Node.js alone (no TypeScript loader), as a process of its
// own: `node bench/lib/sse-echo-server.mjs <port>`; that also makes it the baseline for the app's memory.
import { createServer } from "node:http";

const port = Number(process.argv[2]);
if (!Number.isInteger(port)) throw new Error("Usage: node sse-echo-server.mjs <port>");

/** @type {Set<import("node:http").ServerResponse>} */
const subscribers = new Set();

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/health") {
    response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  if (request.method === "GET" && request.url === "/events") {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
    });
    response.write(`retry: 2000\n\nevent: ready\ndata: {}\n\n`);
    subscribers.add(response);
    request.on("close", () => subscribers.delete(response));
    return;
  }
  if (request.method === "POST" && request.url === "/write") {
    /** @type {Buffer[]} */
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
      const frame = `event: change\ndata: ${body}\n\n`;
      for (const subscriber of subscribers) subscriber.write(frame);
    });
    return;
  }
  response.writeHead(404).end();
});

server.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const subscriber of subscribers) subscriber.end();
    server.close(() => process.exit(0));
  });
}
