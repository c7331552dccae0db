import "server-only";
import { ZOrganizationSummary } from "@/lib/server/accounts/answers";
import { answer, conflict, defineOperation, wrap, ZErrorBody } from "@/lib/server/http/contract";

export const POST = defineOperation({
  method: "POST",
  path: "/api/v1/invitations/{token}/accept",
  tag: "Organisations",
  summary: "Accept an invitation",
  description: "The signed-in user must have the invited email.",
  access: "user",
  responses: {
    200: answer("The organisation joined.", wrap({ organization: ZOrganizationSummary })),
    404: { description: "The invitation link is not valid.", schema: ZErrorBody },
    409: conflict("The invitation was used, revoked or has expired."),
  },
});
