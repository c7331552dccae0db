// K Server-Sent Events subscribers in a worker thread of their own, so that handling 50 streams does not delay the
// writer's clock in the main thread. Each `change` event is stamped on arrival with the monotonic clock (the same
// clock as the writer's `now()`) and reported as { type: "receipt", key, at }. Plain JavaScript: worker threads do
// not get tsx's TypeScript loader.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ url: string, headers: Record<string, string>, count: number }} */
const { url, headers, count } = workerData;
const now = () => Number(process.hrtime.bigint()) / 1e6;
let ready = 0;

/** @param {string} data */
function cellKey(data) {
  const { cell } = JSON.parse(data);
  return cell ? `${cell.slotId} ${cell.dutyId} ${cell.version}` : null;
}

for (let index = 0; index < count; index++) {
  const agent = new http.Agent({ keepAlive: false });
  const request = http.get(url, { agent, headers: { Accept: "text/event-stream", ...headers } }, (response) => {
    if (response.statusCode !== 200) {
      parentPort?.postMessage({ type: "error", message: `GET ${url} answered ${response.statusCode}` });
      return;
    }
    response.setEncoding("utf8");
    let buffer = "";
    response.on("data", (chunk) => {
      const at = now();
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data = [];
        for (const line of frame.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
        }
        if (event === "ready" && ++ready === count) parentPort?.postMessage({ type: "ready" });
        if (event !== "change" || data.length === 0) continue;
        const key = cellKey(data.join("\n"));
        if (key) parentPort?.postMessage({ type: "receipt", key, at });
      }
    });
  });
  request.on("error", (error) => parentPort?.postMessage({ type: "error", message: error.message }));
}
