import "server-only";
import { resolveStoredRules, type TRules } from "@/lib/domain/rules";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The id of an organisation's row for a rule: one per rule, so that a rule reset and changed again is the same row. */
export function ruleRowId(organizationId: string, ruleId: string): string {
  return `${organizationId}:${ruleId}`;
}

/**
 * The rules an organisation's analysis runs under (its stored settings over the defaults), and the organisation whose
 * rules they are. A draft's workspace has no rules of its own and uses its live organisation's, so that comparing a
 * draft with live shows what the draft changes in the map, not a difference of rules.
 */
export async function readRulesOf(
  client: Prisma.TransactionClient,
  organizationId: string,
): Promise<{ rules: TRules; ownerId: string }> {
  const rows = await client.$queryRaw<
    { owner_id: string; id: string | null; severity: string; params: unknown; exempt_teams: string[] | null }[]
  >`
    SELECT owner.id AS owner_id, r.rule_id AS id, r.severity, r.params, r.exempt_teams
    FROM (SELECT coalesce(o.draft_of_id, o.id) AS id FROM organization o WHERE o.id = ${organizationId}) owner
    LEFT JOIN "rule" r ON r.organization_id = owner.id`;
  const settings = rows.flatMap((row) =>
    row.id === null ? [] : [{ id: row.id, severity: row.severity, params: row.params, exemptTeams: row.exempt_teams }],
  );
  return { rules: resolveStoredRules(settings), ownerId: rows[0]?.owner_id ?? organizationId };
}

/** The rules alone (see readRulesOf). */
export async function readRules(client: Prisma.TransactionClient, organizationId: string): Promise<TRules> {
  return (await readRulesOf(client, organizationId)).rules;
}
