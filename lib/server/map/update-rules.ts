import "server-only";
import { applyRuleChanges } from "@/lib/domain/rules";
import { openMapWrite, type TOrgCall } from "@/lib/server/kernel/map-write";
import { readRules } from "@/lib/server/kernel/read-rules";
import { writeRules } from "@/lib/server/kernel/write-rules";
import { checkedRuleChanges, ruleViews, type TRuleView } from "./rule-views";

/**
 * Changes the organisation's rules, or a draft's (Managers and Owners): the rules `body` lists take its settings, the
 * others keep theirs. One journalled action ("rules.update"), one entry per rule that changed; a rule brought back to
 * its defaults loses its row. The organisation's row is locked for update first, so two changes at once apply one
 * after the other, each to what the other left.
 */
export async function updateRules({ body, ...call }: TOrgCall & { body: unknown }): Promise<TRuleView[]> {
  const writer = await openMapWrite(call);
  return writer
    .write<{ rules: TRuleView[]; changed: boolean }>(
      { action: "rules.update", entity: "map", lock: "update", announces: (result) => result.changed },
      async ({ tx, organizationId }) => {
        const changes = await checkedRuleChanges(tx, organizationId, body);
        const current = await readRules(tx, organizationId);
        const next = applyRuleChanges(current, changes);
        // In the order the body lists them, which is the order History tells them in.
        const changed = await writeRules(
          tx,
          organizationId,
          current,
          changes.map(({ id }) => next[id]),
        );
        return { rules: ruleViews(next), changed };
      },
    )
    .then((result) => result.rules);
}
