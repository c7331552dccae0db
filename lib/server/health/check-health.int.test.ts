import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  it("reports the database as reachable, with its latency", async () => {
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.database.status).toBe("ok");
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("is served by GET /api/health as uncached JSON", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  });
});
