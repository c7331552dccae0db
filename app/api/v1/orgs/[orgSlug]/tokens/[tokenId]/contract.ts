import "server-only";
import { defineOperation, noContent, notFound, ORG_PATH } from "@/lib/server/http/contract";

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/tokens/{tokenId}`,
  tag: "Organisations",
  summary: "Revoke an API token",
  access: "manage_tokens",
  responses: { 204: noContent("Revoked."), 404: notFound("active API token") },
});
