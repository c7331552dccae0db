import "server-only";
import { answer, defineOperation, notFound, TEAM_PATH } from "@/lib/server/http/contract";
import { ZAppliedSplit } from "@/lib/server/map/answers";

export const POST = defineOperation({
  method: "POST",
  path: `${TEAM_PATH}/apply-split`,
  tag: "Assignments",
  summary: "Apply the PO/PM split to a team",
  description:
    "Fills the team's empty cells with the standard split between its first PO slot and its first PM slot, " +
    "in one transaction. Cells that have a level keep it.",
  access: "edit_map",
  responses: { 200: answer("The cells set.", ZAppliedSplit), 404: notFound("team") },
});
