import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random secret with a recognisable prefix, e.g. `remit_tok_…`; 256 bits of entropy. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** How secrets are stored: high-entropy secrets need no slow hash, and SHA-256 allows lookup by hash. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
