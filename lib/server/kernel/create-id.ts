import "server-only";
import { randomBytes } from "node:crypto";

const RANDOM_BYTES = 10;

/**
 * A fresh row id in the shape of Prisma's `cuid()` (a "c", then lower-case letters and digits, 25 characters), for
 * rows whose ids must be known before they are inserted: bulk imports and nested creates that refer to each other.
 * The timestamp keeps ids roughly in creation order; 80 random bits make collisions practically impossible.
 */
export function createId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(RANDOM_BYTES).toString("hex")}`)
    .toString(36)
    .padStart(16, "0")
    .slice(-15);
  return `c${time}${random}`;
}
