import "server-only";
import { z } from "zod";
import { answer, conflict, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZPersonView } from "@/lib/server/map/answers";
import { ZCreatePerson } from "@/lib/validation/people";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/people`,
  tag: "People",
  summary: "List people",
  access: "read",
  responses: { 200: answer("The people by name, with the slots they hold.", wrap({ people: z.array(ZPersonView) })) },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/people`,
  tag: "People",
  summary: "Add a person",
  description: "People need not be users of Remit. Without `key`, one is made from the name.",
  access: "edit_map",
  body: ZCreatePerson,
  responses: {
    201: answer("The new person.", wrap({ person: ZPersonView })),
    409: conflict("The key or email is taken (see `fields`)."),
  },
});
