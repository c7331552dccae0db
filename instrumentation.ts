// Runs once when the server starts: refuse to serve with an incomplete configuration, and say what to set; then
// start this server's worker of the job queue (lib/server/jobs), which runs scheduled publishes among others.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("@/lib/env");
    getEnv();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startJobWorker } = await import("@/lib/server/jobs/start-job-worker");
      void startJobWorker();
    }
  }
}
