import "server-only";
import {
  DEFAULT_RULES,
  isSameRuleSetting,
  renameExemptTeams,
  type TRules,
  type TRuleSetting,
} from "@/lib/domain/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readRules, ruleRowId } from "./read-rules";

/**
 * Writes the settings of `next` that differ from `current` (the organisation's rules as read in this transaction):
 * a rule brought back to its defaults loses its row, any other gets its whole setting. The journal's triggers record
 * one entry per rule. Whether anything changed.
 */
export async function writeRules(
  tx: Prisma.TransactionClient,
  organizationId: string,
  current: TRules,
  next: readonly TRuleSetting[],
): Promise<boolean> {
  let changed = false;
  for (const setting of next) {
    if (isSameRuleSetting(setting, current[setting.id])) continue;
    changed = true;
    await writeRuleRow(tx, organizationId, setting);
  }
  return changed;
}

/**
 * Keeps the rules' exempt teams in step with a write that changes team keys, in its transaction: a renamed team stays
 * exempt under its new key (`renamed`: old key -> new key), a deleted one is dropped.
 */
export async function followTeamKeys(
  tx: Prisma.TransactionClient,
  organizationId: string,
  teams: { renamed?: ReadonlyMap<string, string>; removed?: ReadonlySet<string> },
): Promise<void> {
  const keys = [...(teams.renamed?.keys() ?? []), ...(teams.removed ?? [])];
  if (keys.length === 0) return;
  // Locked before they are read: two renames at once (each under the organisation's share lock) change one rule's
  // list one after the other instead of the second overwriting the first.
  const exempting = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "rule" WHERE organization_id = ${organizationId} AND exempt_teams && ${keys}::text[] FOR UPDATE`;
  if (exempting.length === 0) return;
  const current = await readRules(tx, organizationId);
  await writeRules(tx, organizationId, current, renameExemptTeams(current, teams));
}

async function writeRuleRow(tx: Prisma.TransactionClient, organizationId: string, setting: TRuleSetting) {
  const id = ruleRowId(organizationId, setting.id);
  if (isSameRuleSetting(setting, DEFAULT_RULES[setting.id])) {
    await tx.rule.deleteMany({ where: { id, organizationId } });
    return;
  }
  const data = {
    severity: setting.severity,
    params: setting.params as Prisma.InputJsonObject,
    exemptTeams: [...setting.exemptTeams],
  };
  await tx.rule.upsert({
    where: { id },
    create: { id, organizationId, ruleId: setting.id, ...data },
    update: data,
  });
}
