import "server-only";
import { defineOperation, noContent, notFound, ORG_PATH } from "@/lib/server/http/contract";

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/invitations/{invitationId}`,
  tag: "Organisations",
  summary: "Revoke an invitation",
  access: "manage_members",
  responses: { 204: noContent("Revoked."), 404: notFound("pending invitation") },
});
