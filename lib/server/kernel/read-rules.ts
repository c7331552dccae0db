import "server-only";
import { resolveStoredRules, type TRules } from "@/lib/domain/rules";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The id of an organisation's row for a rule: one per rule, so that a rule reset and changed again is the same row. */
export function ruleRowId(organizationId: string, ruleId: string): string {
  return `${organizationId}:${ruleId}`;
}

/**
 * The rules an organisation's analysis runs under: its stored settings over the defaults. A draft's workspace has
 * rules of its own, copied from its source when it was made (remit_copy_map), so that a draft can try a change of
 * rules.
 */
export async function readRules(client: Prisma.TransactionClient, organizationId: string): Promise<TRules> {
  const rows = await client.rule.findMany({
    where: { organizationId },
    select: { ruleId: true, severity: true, params: true, exemptTeams: true },
  });
  return resolveStoredRules(
    rows.map((row) => ({ id: row.ruleId, severity: row.severity, params: row.params, exemptTeams: row.exemptTeams })),
  );
}
