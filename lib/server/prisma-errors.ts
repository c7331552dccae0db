import "server-only";

/** Whether Prisma refused a write because it would duplicate a unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
