import "server-only";
import { answer, defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { ZRuleChangesBody, ZRulesPreview } from "@/lib/server/map/answers";

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/rules/preview`,
  tag: "Map",
  summary: "Preview a change of rules without saving it",
  description:
    "Takes the body of PATCH rules and answers what it would do to the map as it is now: the flags it would raise " +
    "and resolve (a flag whose severity changes is both), and the health before and after. Nothing is saved.",
  access: "read",
  body: ZRuleChangesBody,
  bodyReadByHandler: true,
  responses: { 200: answer("What the change would do.", ZRulesPreview) },
});
