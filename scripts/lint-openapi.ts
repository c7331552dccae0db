// `npm run check`: the OpenAPI document, assembled from the route contracts as GET /api/v1/openapi.json serves it,
// must pass Redocly's recommended rules, warnings included (redocly.yaml).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { API_OPERATIONS } from "@/app/api/v1/contracts";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";

const directory = mkdtempSync(path.join(tmpdir(), "remit-openapi-"));
const file = path.join(directory, "openapi.json");
try {
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(API_OPERATIONS, { origin: "https://remit.test" }), null, 2));
  const lint = spawnSync("redocly", ["lint", file, "--config", path.join(process.cwd(), "redocly.yaml")], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(directory, { recursive: true, force: true });
}
