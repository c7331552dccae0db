// Configuration that `npm start` fills in when the environment leaves it out.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./process.mjs";

/** Where `npm start` keeps its data (the embedded database, the generated AUTH_SECRET): REMIT_DATA_DIR, or .data/. */
export const DATA_DIR = process.env.REMIT_DATA_DIR
  ? path.resolve(process.env.REMIT_DATA_DIR)
  : path.join(ROOT, ".data");
export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, "pg");

/** AUTH_SECRET from the environment, or one generated once and kept in .data/ so sessions survive restarts. */
export function loadOrCreateAuthSecret() {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A port from the environment variable `name`, or `fallback` when it is unset. */
function portFrom(name, value, fallback) {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a whole number from 1 to 65535; it is "${value}".`);
  }
  return port;
}

/** The port to serve on: PORT, or 3000. */
export function resolvePort(value = process.env.PORT) {
  return portFrom("PORT", value, 3000);
}

/** The embedded database's port on 127.0.0.1: REMIT_EMBEDDED_PORT, or 0 (any free port). */
export function resolveEmbeddedPort(value = process.env.REMIT_EMBEDDED_PORT) {
  return portFrom("REMIT_EMBEDDED_PORT", value, 0);
}
