import "server-only";
import { FOREIGN_KEY_VIOLATION_CODES, hasErrorCode, UNIQUE_VIOLATION_CODES } from "@/lib/errors";

/**
 * Whether the database refused a write because it would duplicate a unique value: through Prisma, a raw query of
 * Prisma's, or node-postgres straight (`queryRows`).
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasErrorCode(error, UNIQUE_VIOLATION_CODES);
}

/** Whether the database refused a write because a row it points at does not exist (any more); as above. */
export function isForeignKeyViolation(error: unknown): boolean {
  return hasErrorCode(error, FOREIGN_KEY_VIOLATION_CODES);
}
