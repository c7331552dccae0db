import "server-only";
import { applyRuleChanges, DEFAULT_RULES, type TRuleSetting } from "@/lib/domain/rules";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import { mapWriter, type TOrgCall } from "@/lib/server/kernel/map-write";
import { readRules, ruleRowId } from "@/lib/server/kernel/read-rules";
import { checkedRuleChanges, ruleViews, type TRuleView } from "./rule-views";

/** JSON with object keys sorted, so that two settings compare equal whatever order their `lean` was written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part && typeof part === "object" && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

const sameSetting = (a: TRuleSetting, b: TRuleSetting) => canonical(a) === canonical(b);

/**
 * Changes the organisation's rules (Managers and Owners): the rules `body` lists take its settings, the others keep
 * theirs. One journalled action ("rules.update"), one entry per rule that changed; a rule brought back to its defaults
 * loses its row. The organisation's row is locked for update first, so two changes at once apply one after the other,
 * each to what the other left. A draft has no rules of its own (it uses its live organisation's): 409 there.
 */
export async function updateRules({ body, ...call }: TOrgCall & { body: unknown }): Promise<TRuleView[]> {
  const access = await authorize({ ...call, permission: "edit_map" });
  if (access.draft) {
    throw new AppError(
      "conflict",
      `A draft is checked against the rules of ${access.draft.live.name}; change them there.`,
    );
  }
  return mapWriter(access)
    .write<{ rules: TRuleView[]; changed: boolean }>(
      { action: "rules.update", entity: "map", lock: "update", announces: (result) => result.changed },
      async ({ tx, organizationId }) => {
        const changes = await checkedRuleChanges(tx, organizationId, body);
        const current = await readRules(tx, organizationId);
        const next = applyRuleChanges(current, changes);
        let changed = false;
        for (const { id } of changes) {
          if (sameSetting(next[id], current[id])) continue;
          changed = true;
          await writeRuleRow(tx, organizationId, next[id]);
        }
        return { rules: ruleViews(next), changed };
      },
    )
    .then((result) => result.rules);
}

async function writeRuleRow(tx: Prisma.TransactionClient, organizationId: string, setting: TRuleSetting) {
  const id = ruleRowId(organizationId, setting.id);
  if (sameSetting(setting, DEFAULT_RULES[setting.id])) {
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
