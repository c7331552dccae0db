// Cell writes at a steady pace through the API: each client starts a write every 1/`perSecond` s, spread evenly
// over the second, and latency counts from when a write was due (a slow answer does not hide the wait behind it).
import type { TBenchOrganisation } from "./organisations";
import { assignmentBody, type CellRotation } from "./cell-rotation";
import { now } from "./clock";
import { createHttpClient } from "./http-client";
import { summarize, type TLatencySummary } from "./stats";

export async function pacedCellWrites({
  organisation,
  rotation,
  clients,
  perSecond,
  seconds,
}: {
  organisation: Pick<TBenchOrganisation, "api" | "slug">;
  rotation: CellRotation;
  clients: number;
  perSecond: number;
  seconds: number;
}): Promise<TLatencySummary & { failures: number }> {
  const http = createHttpClient({ sockets: clients });
  const headers = { Authorization: `Bearer ${organisation.api.token}`, "Content-Type": "application/json" };
  const latencies: number[] = [];
  let failures = 0;
  const period = 1000 / perSecond;
  const started = now();
  const deadline = started + seconds * 1000;
  const client = async (offset: number) => {
    for (let due = started + offset; due < deadline; due += period) {
      const wait = due - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const write = rotation.next();
      const answer = await http.send(
        `${organisation.api.baseUrl}/api/v1/orgs/${organisation.slug}/teams/${write.teamId}/assignments`,
        "PUT",
        headers,
        assignmentBody(write),
      );
      latencies.push(now() - due);
      if (answer.status !== 200) failures++;
      const cell =
        answer.status === 200 || answer.status === 409
          ? (JSON.parse(answer.body) as { assignment?: Parameters<CellRotation["settle"]>[1] }).assignment
          : undefined;
      rotation.settle(write.index, cell);
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, (_, index) => client((index * period) / clients)));
  } finally {
    http.close();
  }
  return { ...summarize(latencies), failures };
}
