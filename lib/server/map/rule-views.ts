import "server-only";
import {
  listRuleSettings,
  RECOMMENDED_RULES,
  RULE_CATALOGUE,
  type TRuleChange,
  type TRuleId,
  type TRules,
  type TRuleSetting,
} from "@/lib/domain/rules";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/validation/fields";
import { ZRuleChanges } from "@/lib/validation/rules";

export type TRuleView = {
  id: TRuleId;
  name: string;
  description: string;
  scope: "team" | "person";
  severity: TRuleSetting["severity"];
  params: TRuleSetting["params"];
  exemptTeams: string[];
  recommended: boolean;
};

/** Every rule with its definition and the organisation's settings, in RULE_IDS order. */
export function ruleViews(rules: TRules): TRuleView[] {
  return listRuleSettings(rules).map((setting) => {
    const { name, description, scope } = RULE_CATALOGUE[setting.id];
    return {
      id: setting.id,
      name,
      description,
      scope,
      severity: setting.severity,
      params: setting.params,
      exemptTeams: [...setting.exemptTeams],
      recommended: (RECOMMENDED_RULES as readonly TRuleId[]).includes(setting.id),
    };
  });
}

/**
 * A body of rule changes checked against the organisation's teams (ZRuleChanges: the domain's checks), or 400 with
 * every problem at its path.
 */
export async function checkedRuleChanges(
  client: Prisma.TransactionClient,
  organizationId: string,
  body: unknown,
): Promise<TRuleChange[]> {
  const teams = await client.team.findMany({ where: { organizationId }, select: { key: true } });
  const parsed = ZRuleChanges(new Set(teams.map((team) => team.key))).safeParse(body);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Some rule changes are wrong; see `fields`.", fieldErrors(parsed.error));
  }
  return parsed.data;
}
