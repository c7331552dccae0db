import { RULE_CATALOGUE, RULE_IDS, type TRuleId } from "@/lib/domain/rules";

/** What each kind of flag is called on screen: its rule's name (a flag's kind is the id of the rule that raised it). */
export const KIND_LABELS: Record<TRuleId, string> = Object.fromEntries(
  RULE_IDS.map((id) => [id, RULE_CATALOGUE[id].name]),
) as Record<TRuleId, string>;
