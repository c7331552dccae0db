import "server-only";
import { z } from "zod";
import { answer, conflict, defineOperation, noContent, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZChangeMemberRole } from "@/lib/validation/accounts";

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/members/{userId}`,
  tag: "Organisations",
  summary: "Change a member's role",
  access: "manage_members",
  body: ZChangeMemberRole,
  responses: {
    200: answer(
      "The member's new role.",
      wrap({ member: z.strictObject({ userId: z.string(), role: z.enum(["OWNER", "MANAGER", "VIEWER"]) }) }),
    ),
    404: notFound("member"),
    409: conflict("It would leave the organisation without an Owner."),
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/members/{userId}`,
  tag: "Organisations",
  summary: "Remove a member",
  access: "manage_members",
  responses: {
    204: noContent("Removed."),
    404: notFound("member"),
    409: conflict("It would leave the organisation without an Owner."),
  },
});
