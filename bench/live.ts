// Part 3: live propagation. K clients follow an organisation's event stream; one writer sets cells one at a time,
// and each client's receipt of the write's event is timed from the moment the writer had the HTTP answer. The
// clients run in a worker thread (bench/lib/sse-subscribers.mjs) and both sides read the same monotonic clock. The
// baseline is bench/lib/sse-echo-server.mjs: a bare Node.js server that answers a POST and pushes it to its streams.
import { Worker } from "node:worker_threads";
import type { TChangeEvent } from "@/lib/domain/live-event";
import { assignmentBody, type CellRotation } from "./lib/cell-rotation";
import { createHttpClient, type THttpClient } from "./lib/http-client";
import type { TBenchOrganisation } from "./lib/organisations";
import { ratio, summarize, type TLatencySummary } from "./lib/stats";

const WARM_UP_WRITES = 5;
const RECEIPT_TIMEOUT_MS = 5_000;

export type TLiveRun = {
  /** From the writer having the HTTP answer to a client having the event (the figure). */
  fromAnswer: TLatencySummary;
  /** From the write being sent to a client having the event: what a colleague watching the page waits. */
  fromSend: TLatencySummary;
  /** Receipts expected (writes × subscribers), and missing after a 5 s wait. */
  expected: number;
  missing: number;
  /** Events that reached a client before the writer had its answer (they count as 0 ms from the answer). */
  beforeAnswer: number;
};

type TRatios = { p50: number | null; p95: number | null; p99: number | null };

export type TLiveResult = {
  subscribers: number;
  app: TLiveRun;
  baseline: TLiveRun;
  /** App over baseline. From the answer, a baseline of 0 ms gives no ratio. */
  ratios: { fromAnswer: TRatios; fromSend: TRatios };
};

const ratiosOf = (app: TLatencySummary, baseline: TLatencySummary): TRatios => ({
  p50: ratio(app.p50, baseline.p50),
  p95: ratio(app.p95, baseline.p95),
  p99: ratio(app.p99, baseline.p99),
});

type TTarget = {
  streamUrl: string;
  headers: Record<string, string>;
  /** Makes one write; returns when it was sent and answered, and the key its event will carry. */
  write: () => Promise<{ key: string; sentAt: number; answeredAt: number }>;
};

/** The key an event is matched by; bench/lib/sse-subscribers.mjs makes the same one. */
const cellKey = (cell: NonNullable<TChangeEvent["cell"]>) => `${cell.slotId} ${cell.dutyId} ${cell.version}`;

type TSubscriberMessage =
  { type: "ready" } | { type: "receipt"; key: string; at: number } | { type: "error"; message: string };

async function measure(target: TTarget, subscribers: number, writes: number): Promise<TLiveRun> {
  const receipts = new Map<string, number[]>();
  let waiting: { key: string; resolve: () => void } | null = null;
  let failure: Error | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const worker = new Worker(new URL("./lib/sse-subscribers.mjs", import.meta.url), {
    workerData: { url: target.streamUrl, headers: target.headers, count: subscribers },
  });
  worker.on("message", (message: TSubscriberMessage) => {
    if (message.type === "ready") markReady();
    else if (message.type === "error") failure ??= new Error(message.message);
    else {
      const times = receipts.get(message.key) ?? [];
      times.push(message.at);
      receipts.set(message.key, times);
      if (waiting?.key === message.key && times.length === subscribers) waiting.resolve();
    }
  });
  worker.on("error", (error) => (failure ??= error));
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) =>
        setTimeout(() => reject(failure ?? new Error("The subscribers never got ready.")), 30_000),
      ),
    ]);
    const fromAnswer: number[] = [];
    const fromSend: number[] = [];
    let missing = 0;
    let beforeAnswer = 0;
    for (let index = 0; index < WARM_UP_WRITES + writes; index++) {
      if (failure) throw failure;
      const { key, sentAt, answeredAt } = await target.write();
      if ((receipts.get(key) ?? []).length < subscribers) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, RECEIPT_TIMEOUT_MS);
          waiting = {
            key,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          };
        });
        waiting = null;
      }
      const received = receipts.get(key) ?? [];
      receipts.delete(key);
      if (index < WARM_UP_WRITES) continue;
      missing += subscribers - received.length;
      for (const receivedAt of received) {
        if (receivedAt < answeredAt) beforeAnswer++;
        fromAnswer.push(Math.max(0, receivedAt - answeredAt));
        fromSend.push(receivedAt - sentAt);
      }
    }
    return {
      fromAnswer: summarize(fromAnswer),
      fromSend: summarize(fromSend),
      expected: writes * subscribers,
      missing,
      beforeAnswer,
    };
  } finally {
    await worker.terminate();
  }
}

function appTarget(organisation: TBenchOrganisation, rotation: CellRotation, http: THttpClient): TTarget {
  const authorization = { Authorization: `Bearer ${organisation.api.token}` };
  return {
    streamUrl: `${organisation.api.baseUrl}/api/v1/orgs/${organisation.slug}/events`,
    headers: authorization,
    async write() {
      const write = rotation.next();
      const answer = await http.send(
        `${organisation.api.baseUrl}/api/v1/orgs/${organisation.slug}/teams/${write.teamId}/assignments`,
        "PUT",
        { ...authorization, "Content-Type": "application/json" },
        assignmentBody(write),
      );
      if (answer.status !== 200) throw new Error(`A live write answered ${answer.status}: ${answer.body}`);
      const { assignment } = JSON.parse(answer.body) as { assignment: NonNullable<TChangeEvent["cell"]> };
      rotation.settle(write.index, assignment);
      return { key: cellKey(assignment), sentAt: answer.sentAt, answeredAt: answer.answeredAt };
    },
  };
}

function echoTarget(echoUrl: string, rotation: CellRotation, http: THttpClient): TTarget {
  let version = 0;
  return {
    streamUrl: `${echoUrl}/events`,
    headers: {},
    async write() {
      // An event of the same shape and size as the app's, so both sides parse the same.
      const { index: _index, ...cell } = rotation.sample();
      const event: TChangeEvent = {
        type: "change",
        organizationId: "echo",
        entity: "assignment",
        ids: [],
        cell: { ...cell, version: ++version },
        actor: { id: "echo", name: 'API token "bench"' },
        at: Date.now(),
      };
      const answer = await http.send(
        `${echoUrl}/write`,
        "POST",
        { "Content-Type": "application/json" },
        JSON.stringify(event),
      );
      if (answer.status !== 200) throw new Error(`The echo server answered ${answer.status}`);
      return { key: cellKey(event.cell!), sentAt: answer.sentAt, answeredAt: answer.answeredAt };
    },
  };
}

export async function benchLive({
  organisation,
  rotation,
  echoUrl,
  subscriberCounts,
  writes,
  log,
}: {
  organisation: TBenchOrganisation;
  rotation: CellRotation;
  echoUrl: string;
  subscriberCounts: readonly number[];
  writes: number;
  log: (message: string) => void;
}): Promise<TLiveResult[]> {
  const results: TLiveResult[] = [];
  const http = createHttpClient({ sockets: 1 });
  for (const subscribers of subscriberCounts) {
    log(`live: ${subscribers} subscribers, ${writes} writes through the app, then through the echo server`);
    const app = await measure(appTarget(organisation, rotation, http), subscribers, writes);
    const baseline = await measure(echoTarget(echoUrl, rotation, http), subscribers, writes);
    results.push({
      subscribers,
      app,
      baseline,
      ratios: {
        fromAnswer: ratiosOf(app.fromAnswer, baseline.fromAnswer),
        fromSend: ratiosOf(app.fromSend, baseline.fromSend),
      },
    });
  }
  http.close();
  return results;
}
