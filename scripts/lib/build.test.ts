import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceHash } from "./build.mjs";

let root = "";

async function write(file: string, content: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), content);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "remit-build-stamp-"));
  await write("package.json", '{ "dependencies": { "next": "16.4.6" } }');
  await write("package-lock.json", '{ "packages": { "node_modules/next": { "version": "16.4.6" } } }');
  await write("node_modules/.package-lock.json", '{ "packages": { "node_modules/next": { "version": "16.4.6" } } }');
  await write("app/page.tsx", "export default function Page() { return null; }");
  await write("app/page.test.tsx", "test");
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe("the build stamp", () => {
  it.each([
    ["package.json", '{ "dependencies": { "next": "16.5.0" } }'],
    ["package-lock.json", '{ "packages": { "node_modules/next": { "version": "16.5.0" } } }'],
    // What `npm install` put in node_modules, even when package.json and the lockfile did not change.
    ["node_modules/.package-lock.json", '{ "packages": { "node_modules/next": { "version": "16.5.0" } } }'],
    ["app/page.tsx", "export default function Page() { return 1; }"],
  ])("changes when %s changes, so the next start rebuilds", async (file, content) => {
    const before = sourceHash(root);
    await write(file, content);
    expect(sourceHash(root)).not.toBe(before);
  });

  it("stays the same when only a test changes", async () => {
    const before = sourceHash(root);
    await write("app/page.test.tsx", "another test");
    expect(sourceHash(root)).toBe(before);
  });
});
