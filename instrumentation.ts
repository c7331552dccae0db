// Runs once when the server starts: refuse to serve with an incomplete configuration, and say what to set.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("@/lib/env");
    getEnv();
  }
}
