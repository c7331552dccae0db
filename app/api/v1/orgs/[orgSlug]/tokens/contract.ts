import "server-only";
import { z } from "zod";
import { ZApiTokenSummary, ZCreatedApiToken } from "@/lib/server/accounts/answers";
import { answer, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZCreateApiToken } from "@/lib/validation/accounts";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/tokens`,
  tag: "Organisations",
  summary: "List API tokens",
  access: "manage_tokens",
  responses: {
    200: answer("Active tokens, newest first (never their secrets).", wrap({ tokens: z.array(ZApiTokenSummary) })),
  },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/tokens`,
  tag: "Organisations",
  summary: "Create an API token",
  description: "The secret is shown only in this answer.",
  access: "manage_tokens",
  body: ZCreateApiToken,
  responses: { 201: answer("The token with its secret.", wrap({ token: ZCreatedApiToken })) },
});
