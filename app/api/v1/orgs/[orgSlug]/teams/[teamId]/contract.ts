import "server-only";
import { answer, conflict, defineOperation, notFound, TEAM_PATH, wrap } from "@/lib/server/http/contract";
import { ZDeletedTeam, ZTeamDetail } from "@/lib/server/map/answers";
import { ZUpdateTeam } from "@/lib/validation/teams";

export const GET = defineOperation({
  method: "GET",
  path: TEAM_PATH,
  tag: "Teams",
  summary: "Get a team with its slots and assignments",
  access: "read",
  responses: { 200: answer("The team.", wrap({ team: ZTeamDetail })), 404: notFound("team") },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: TEAM_PATH,
  tag: "Teams",
  summary: "Change a team's name, key or description",
  description: "Send only the fields to change; `description: null` removes it. Renaming keeps the key.",
  access: "edit_map",
  body: ZUpdateTeam,
  responses: {
    200: answer("The team as it is now.", wrap({ team: ZTeamDetail })),
    404: notFound("team"),
    409: conflict("The key is taken (see `fields.key`)."),
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: TEAM_PATH,
  tag: "Teams",
  summary: "Delete a team with its slots and assignments",
  access: "edit_map",
  responses: { 200: answer("What was deleted.", wrap({ deleted: ZDeletedTeam })), 404: notFound("team") },
});
