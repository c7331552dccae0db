import "server-only";
import { z } from "zod";
import { ZMember } from "@/lib/server/accounts/answers";
import { answer, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/members`,
  tag: "Organisations",
  summary: "List members",
  access: "read",
  responses: { 200: answer("The members, by name.", wrap({ members: z.array(ZMember) })) },
});
