import "server-only";
import { answer, defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { ZRuleChangesBody, ZRulesAnswer } from "@/lib/server/map/answers";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/rules`,
  tag: "Map",
  summary: "List the rules the map is checked against",
  description:
    "Every rule in a stable order, with what it flags, its severity (`off` flags nothing), its parameters, the teams " +
    "it does not apply to, and whether the PO/PM guide recommends it. A draft has rules of its own, copied " +
    "from live when it was made.",
  access: "read",
  responses: { 200: answer("Every rule.", ZRulesAnswer) },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/rules`,
  tag: "Map",
  summary: "Change some rules",
  description:
    "The rules listed take the settings given (what a change leaves out keeps its value; `params` it names replace " +
    "theirs); unlisted rules keep theirs. Unknown rules, parameters of the wrong type or out of range and unknown " +
    "team keys are refused with every problem at once in `fields`. One action in the journal, which can be undone. " +
    "On a draft, the draft's rules change, and publishing the draft applies the change to live.",
  access: "edit_map",
  body: ZRuleChangesBody,
  bodyReadByHandler: true,
  responses: { 200: answer("Every rule, as now set.", ZRulesAnswer) },
});
