import "server-only";

/** The PostgreSQL error code behind a Prisma error from a raw query (P2010), if any. */
function rawCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

function prismaCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * Whether the database refused a write because it would duplicate a unique value: through Prisma, a raw query of
 * Prisma's, or node-postgres straight (`queryRows`, whose errors carry the SQLSTATE as their code).
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = prismaCode(error);
  return code === "P2002" || code === "23505" || (code === "P2010" && rawCode(error) === "23505");
}

/** Whether the database refused a write because a row it points at does not exist (any more); as above. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = prismaCode(error);
  return code === "P2003" || code === "23503" || (code === "P2010" && rawCode(error) === "23503");
}
