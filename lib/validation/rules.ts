import { z } from "zod";
import { checkRuleChanges, type TRuleChange } from "@/lib/domain/rules";

/**
 * The body of `PATCH rules` and `POST rules/preview`, `{ rules: [{ id, severity?, params?, exemptTeams? }] }`, for an
 * organisation whose teams have `teamKeys`. The checks are the domain's (`checkRuleChanges`), so that the API, a draft
 * and an import refuse the same things in the same words; this schema carries every problem to the 400 at once, each
 * at its path (`rules.2.params.max`).
 */
export function ZRuleChanges(teamKeys: ReadonlySet<string>) {
  return z.unknown().transform((body, context): TRuleChange[] => {
    const result = checkRuleChanges(body, { teamKeys });
    if (result.ok) return result.changes;
    for (const { path, message } of result.problems) context.addIssue({ code: "custom", path, message });
    return z.NEVER;
  });
}
