import "server-only";
import { z } from "zod";
import { ZCreatedInvitation, ZInvitationSummary } from "@/lib/server/accounts/answers";
import { answer, conflict, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZCreateInvitation } from "@/lib/validation/accounts";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/invitations`,
  tag: "Organisations",
  summary: "List pending invitations",
  access: "manage_members",
  responses: {
    200: answer(
      "Invitations not accepted or revoked, newest first.",
      wrap({ invitations: z.array(ZInvitationSummary) }),
    ),
  },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/invitations`,
  tag: "Organisations",
  summary: "Invite someone by email",
  description: "Replaces any pending invitation for the same email. The link is shown only in this answer.",
  access: "manage_members",
  body: ZCreateInvitation,
  responses: {
    201: answer("The invitation with its link.", wrap({ invitation: ZCreatedInvitation })),
    409: conflict("The email belongs to a member already."),
  },
});
