import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, ROUTE_CONTRACTS } from "@/app/api/v1/contracts";
import { HTTP_METHODS, type TOperation } from "@/lib/server/http/contract";
import { callApi } from "@/lib/server/testing/map-world";

type TJson = Record<string, unknown>;
type TDocument = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: TJson; responses: TJson }>>;
  components: { schemas: Record<string, TJson> };
};

function* routeFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* routeFiles(full);
    else if (entry.name === "route.ts") yield full;
  }
}

function* refsIn(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* refsIn(item);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") yield item;
      else yield* refsIn(item);
    }
  }
}

describe("the OpenAPI document", () => {
  it("has one contract per route, beside it, declaring exactly the route's methods at the route's path", async () => {
    const appDir = path.join(process.cwd(), "app");
    const routes: string[] = [];
    for (const file of routeFiles(path.join(appDir, "api", "v1"))) {
      const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
      routes.push(route);
      const contract = (ROUTE_CONTRACTS as Record<string, Record<string, TOperation>>)[route];
      expect(contract, `${route} has no contract.ts, or app/api/v1/contracts.ts does not list it`).toBeDefined();
      const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const handled = HTTP_METHODS.filter((method) => typeof routeModule[method] === "function");
      expect(Object.keys(contract!).sort(), route).toEqual([...handled].sort());
      for (const [name, operation] of Object.entries(contract!)) {
        expect(operation.method, `${route} ${name}`).toBe(name);
        expect(operation.path, `${route} ${name}`).toBe(route.replace(/\[(\w+)\]/g, "{$1}"));
      }
    }
    expect(Object.keys(ROUTE_CONTRACTS).sort()).toEqual(routes.sort());
  });

  it("is served at /api/v1/openapi.json as OpenAPI 3.1, with every reference resolved", async () => {
    const answer = await callApi<TDocument>("GET /api/v1/openapi.json", {});
    expect(answer.status).toBe(200);
    const document = answer.body;
    expect(document.openapi).toBe("3.1.0");
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.split("/").pop()!], ref).toBeDefined();
    }
    const operationIds = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(new Set(operationIds).size).toBe(API_OPERATIONS.length);
  });

  it("takes its request bodies from the zod schemas, as input: fields with defaults are optional", async () => {
    const { body: document } = await callApi<TDocument>("GET /api/v1/openapi.json", {});
    const body = (path: string, method: string) =>
      (document.paths[path]![method]!.requestBody as { content: { "application/json": { schema: TJson } } }).content[
        "application/json"
      ].schema;
    const assignment = body("/api/v1/orgs/{orgSlug}/teams/{teamId}/assignments", "put");
    expect(assignment.required).toEqual(["dutyId", "slotId", "level"]);
    expect(assignment.additionalProperties).toBe(false);
    const person = body("/api/v1/orgs/{orgSlug}/people", "post");
    expect(person.required).toEqual(["name"]);
    const map = body("/api/v1/orgs/{orgSlug}/map", "put");
    expect(map.required).toEqual(["format"]);
    expect(document.paths["/api/v1/orgs/{orgSlug}/map"]!.put!.responses).toHaveProperty("413");
  });
});
