import "server-only";
import { db } from "@/lib/db";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { authorize } from "@/lib/server/auth/authorize";
import { readRules } from "@/lib/server/kernel/read-rules";
import { ruleViews, type TRuleView } from "./rule-views";

/** Every rule the organisation's map is checked against, with its settings there (a draft's own). */
export async function listRules({ actor, orgSlug }: TOrgCall): Promise<TRuleView[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  return ruleViews(await readRules(db, organization.id));
}
