// The processes a benchmark talks to: the app's production server and the bare SSE echo server, on ports 3900–3999.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT } from "./paths";

const PORT_RANGE = { from: 3900, to: 3999 };
const LOG_TAIL_CHARS = 20_000;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port from 3900–3999 that nothing listens on now, starting from a random one so parallel runs rarely collide. */
export async function findBenchPort(taken: readonly number[] = []): Promise<number> {
  const span = PORT_RANGE.to - PORT_RANGE.from + 1;
  const start = Math.floor(Math.random() * span);
  for (let step = 0; step < span; step++) {
    const port = PORT_RANGE.from + ((start + step) % span);
    if (!taken.includes(port) && (await isPortFree(port))) return port;
  }
  throw new Error(`No free port in ${PORT_RANGE.from}–${PORT_RANGE.to}.`);
}

export type TServer = {
  name: string;
  url: string;
  pid: number;
  /** The last lines it printed, for error messages. */
  logTail: () => string;
  stop: () => Promise<void>;
};

function launch(name: string, args: string[], env: NodeJS.ProcessEnv, url: string): TServer {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    name,
    url,
    pid: child.pid ?? -1,
    logTail: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

async function waitUntilAnswering(server: TServer, probe: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${server.url}${probe}`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${server.name} did not answer ${probe} within ${timeoutMs / 1000} s.\n${server.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `next start` of the production build in .next, on the given database. Resolves once /api/health answers. */
export async function startAppServer({
  port,
  databaseUrl,
  authSecret,
  poolSize,
}: {
  port: number;
  databaseUrl: string;
  authSecret: string;
  poolSize: number;
}): Promise<TServer> {
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // This process runs with the react-server condition; the app server must not inherit it.
    NODE_OPTIONS: "",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(poolSize),
    AUTH_SECRET: authSecret,
    AUTH_URL: url,
    PORT: String(port),
    // The load clients share a few tokens: the per-token limit still counts every request (its cost is part of
    // the figures) but is set far above what a run sends. API_RATE_LIMIT_PER_MINUTE=0 measures without it.
    API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE || "100000000",
  };
  delete env.REMIT_EMBEDDED_DATABASE;
  // To profile the server: BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/remit-profile" npm run bench ...
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = launch(
    "the app server",
    [...nodeArgs, next, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    env,
    url,
  );
  await waitUntilAnswering(server, "/api/health");
  return server;
}

/** The baseline for live propagation and memory: bench/lib/sse-echo-server.mjs in a process of its own, as the app has. */
export async function startEchoServer({ port }: { port: number }): Promise<TServer> {
  const url = `http://127.0.0.1:${port}`;
  const server = launch(
    "the SSE echo server",
    [path.join(ROOT, "bench", "lib", "sse-echo-server.mjs"), String(port)],
    { ...process.env, NODE_OPTIONS: "" },
    url,
  );
  await waitUntilAnswering(server, "/health", 30_000);
  return server;
}
