import "server-only";
import { z } from "zod";
import { answer, conflict, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZTeamDetail, ZTeamSummary } from "@/lib/server/map/answers";
import { ZCreateTeam } from "@/lib/validation/teams";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/teams`,
  tag: "Teams",
  summary: "List teams",
  access: "read",
  responses: {
    200: answer(
      "The teams by name, with their slots and numbers of assignments.",
      wrap({ teams: z.array(ZTeamSummary) }),
    ),
  },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/teams`,
  tag: "Teams",
  summary: "Create a team",
  description: "The team gets a vacant PO slot and a vacant PM slot. Without `key`, one is made from the name.",
  access: "edit_map",
  body: ZCreateTeam,
  responses: {
    201: answer("The new team.", wrap({ team: ZTeamDetail })),
    409: conflict("The key is taken (see `fields.key`)."),
  },
});
