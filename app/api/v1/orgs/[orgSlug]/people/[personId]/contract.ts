import "server-only";
import { answer, conflict, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZDeletedPerson, ZPersonView } from "@/lib/server/map/answers";
import { ZUpdatePerson } from "@/lib/validation/people";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/people/{personId}`,
  tag: "People",
  summary: "Get a person",
  description: "`slots` are the slots deleting the person would vacate.",
  access: "read",
  responses: { 200: answer("The person.", wrap({ person: ZPersonView })), 404: notFound("person") },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/people/{personId}`,
  tag: "People",
  summary: "Change a person",
  description: "Send only the fields to change; `email: null` removes it. Renaming keeps the key.",
  access: "edit_map",
  body: ZUpdatePerson,
  responses: {
    200: answer("The person as they are now.", wrap({ person: ZPersonView })),
    404: notFound("person"),
    409: conflict("The key or email is taken (see `fields`)."),
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/people/{personId}`,
  tag: "People",
  summary: "Delete a person",
  description: "The slots they held stay, vacant.",
  access: "edit_map",
  responses: { 200: answer("What was deleted.", wrap({ deleted: ZDeletedPerson })), 404: notFound("person") },
});
