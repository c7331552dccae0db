import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(path.join(import.meta.dirname, "../..", file), "utf8");

describe("the client's operations", () => {
  it("name every route contract the API lists, so that every operation is typed for the browser", () => {
    const listed = [...read("app/api/v1/contracts.ts").matchAll(/from "\.\/(.+)\/contract";/g)].map((m) => m[1]);
    const typed = [...read("lib/client/operations.ts").matchAll(/from "@\/app\/api\/v1\/(.+)\/contract";/g)].map(
      (m) => m[1],
    );
    expect(listed.length).toBeGreaterThan(30);
    expect(typed.sort()).toEqual(listed.sort());
  });
});
