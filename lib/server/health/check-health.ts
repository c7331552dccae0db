import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import packageJson from "@/package.json";

export type THealth = {
  status: "ok" | "degraded";
  version: string;
  uptimeSeconds: number;
  database: { status: "ok" | "unreachable"; latencyMs: number | null; embedded: boolean };
};

const DATABASE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The app's and the database's state, for load balancers and people. Never throws. */
export async function checkHealth(): Promise<THealth> {
  const started = performance.now();
  const embedded = getEnv().REMIT_EMBEDDED_DATABASE;
  let database: THealth["database"];
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    database = { status: "ok", latencyMs: Math.round(performance.now() - started), embedded };
  } catch (error) {
    // The reason stays in the server log: it names hosts and ports that callers need not see.
    console.error("health check: database unreachable:", error instanceof Error ? error.message : error);
    database = { status: "unreachable", latencyMs: null, embedded };
  }
  return {
    status: database.status === "ok" ? "ok" : "degraded",
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    database,
  };
}
