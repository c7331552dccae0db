// Builds the app when the sources changed since the last build, so `npm start` is quick after the first time.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, run } from "./process.mjs";

const INPUT_DIRECTORIES = ["app", "components", "lib", "public", "prisma"];
// package.json and the lockfile say which dependencies were asked for; node_modules/.package-lock.json (which npm
// writes on every install) says which are installed, and the build bundles those.
const INPUT_FILES = [
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
];
const SKIPPED = new Set(["node_modules", "generated", "migrations"]);
const STAMP = path.join(ROOT, ".next", "remit-build-stamp");

function* walk(directory) {
  if (!existsSync(directory)) return;
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** A hash of everything a build of the project in `root` is made from. */
export function sourceHash(root = ROOT) {
  const hash = createHash("sha256");
  const files = [
    ...INPUT_FILES.map((file) => path.join(root, file)),
    ...INPUT_DIRECTORIES.flatMap((d) => [...walk(path.join(root, d))]),
  ];
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Runs `next build` unless .next holds a production build of exactly these sources. */
export async function buildIfNeeded(env) {
  const hash = sourceHash();
  const isCurrent =
    existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
  if (isCurrent) return false;
  console.log("remit: building the app (the first start takes a minute or two)...");
  await run("next", ["build"], { env: { ...env, NODE_ENV: "production" } });
  writeFileSync(STAMP, hash);
  return true;
}
