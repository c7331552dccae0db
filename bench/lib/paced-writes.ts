// Cell writes at a steady pace through the API, and what a run of writes measures. Used by the write benchmark (as
// context beside its closed loop) and by the drafts benchmark (live writes with drafts open).
import type { TBenchOrganisation } from "./organisations";
import { assignmentBody, type CellRotation, type TCellWrite } from "./cell-rotation";
import { now } from "./clock";
import { createHttpClient } from "./http-client";
import { round, summarize, type TLatencySummary } from "./stats";

export type TWriteRun = TLatencySummary & {
  requestsPerSecond: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  failures: number;
  statusCodes: Record<string, number>;
  /**
   * CPU milliseconds per write: in the app server, in the PostgreSQL backends of the benchmark's database, and in
   * this process (autocannon, or the direct writer). On a 2-core machine they compete for the same cores.
   */
  cpuMsPerWrite: { server: number; database: number; client: number };
};

export type TCpuMeter = () => (writes: number) => TWriteRun["cpuMsPerWrite"];

export function tokenHeaders(organisation: TBenchOrganisation): Record<string, string> {
  return { Authorization: `Bearer ${organisation.api.token}`, "Content-Type": "application/json" };
}

export type TWriteOnce = (
  write: TCellWrite,
) => Promise<{ isWritten: boolean; cell?: Parameters<CellRotation["settle"]>[1] }>;

/**
 * `clients` writers, each starting a write every 1/`perSecond` s, spread evenly over the second. Latency counts from
 * when a write was due, so a writer held up by a slow answer does not hide the wait (no coordinated omission).
 */
export async function runPaced({
  rotation,
  clients,
  perSecond,
  seconds,
  meter,
  writeOnce,
}: {
  rotation: CellRotation;
  clients: number;
  perSecond: number;
  seconds: number;
  meter: TCpuMeter;
  writeOnce: TWriteOnce;
}): Promise<TWriteRun> {
  const latencies: number[] = [];
  let failures = 0;
  const stopMeter = meter();
  const period = 1000 / perSecond;
  const started = now();
  const deadline = started + seconds * 1000;
  const client = async (offset: number) => {
    for (let due = started + offset; due < deadline; due += period) {
      const wait = due - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const write = rotation.next();
      try {
        const { isWritten, cell } = await writeOnce(write);
        latencies.push(now() - due);
        if (!isWritten) failures++;
        rotation.settle(write.index, cell);
      } catch (error) {
        failures++;
        console.error("bench: a paced write failed:", error instanceof Error ? error.message : error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client((index * period) / clients)));
  rotation.retireInFlight();
  return {
    ...summarize(latencies),
    requestsPerSecond: round(latencies.length / ((now() - started) / 1000), 1),
    failures,
    statusCodes: {},
    cpuMsPerWrite: stopMeter(latencies.length),
  };
}

export function appWriteOnce(
  organisation: TBenchOrganisation,
  clients: number,
): { writeOnce: TWriteOnce; close: () => void } {
  const http = createHttpClient({ sockets: clients });
  const headers = tokenHeaders(organisation);
  return {
    writeOnce: async (write) => {
      const answer = await http.send(
        `${organisation.api.baseUrl}/api/v1/orgs/${organisation.slug}/teams/${write.teamId}/assignments`,
        "PUT",
        headers,
        assignmentBody(write),
      );
      const cell =
        answer.status === 200 || answer.status === 409
          ? (JSON.parse(answer.body) as { assignment?: Parameters<CellRotation["settle"]>[1] }).assignment
          : undefined;
      return { isWritten: answer.status === 200, cell };
    },
    close: http.close,
  };
}

const noMeter: TCpuMeter = () => () => ({ server: 0, database: 0, client: 0 });

/** Paced writes through the API (with CPU accounting when given a meter): `runPaced` with the app's writer. */
export async function pacedCellWrites({
  organisation,
  meter = noMeter,
  ...load
}: {
  organisation: TBenchOrganisation;
  rotation: CellRotation;
  clients: number;
  perSecond: number;
  seconds: number;
  meter?: TCpuMeter;
}): Promise<TWriteRun> {
  const app = appWriteOnce(organisation, load.clients);
  try {
    return await runPaced({ ...load, meter, writeOnce: app.writeOnce });
  } finally {
    app.close();
  }
}
