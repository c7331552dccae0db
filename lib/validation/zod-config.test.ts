import { expect, it, vi } from "vitest";
import { ZOD_GLOBAL_CONFIG } from "./zod-global-config";

it("zod takes up the configuration that instrumentation-client.ts puts on globalThis before zod loads", async () => {
  const holder = globalThis as Record<string, unknown>;
  const configured = { jitless: true };
  holder[ZOD_GLOBAL_CONFIG] = configured;
  vi.resetModules();
  const { z } = await import("zod");
  expect(z.config()).toBe(configured);
  expect(z.config().jitless).toBe(true);
});
