import "server-only";
import { answer, conflict, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZDeletedDuty, ZDutyView } from "@/lib/server/map/answers";
import { ZUpdateDuty } from "@/lib/validation/duties";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/duties/{dutyId}`,
  tag: "Duties",
  summary: "Get a duty",
  description: "`assignmentCount` is what deleting the duty would remove, in all teams.",
  access: "read",
  responses: { 200: answer("The duty.", wrap({ duty: ZDutyView })), 404: notFound("duty") },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/duties/{dutyId}`,
  tag: "Duties",
  summary: "Change a duty, or move it in the catalogue",
  description:
    "Send only the fields to change. `order` moves the duty to that 0-based position in the catalogue; the " +
    "duties are renumbered 0..n-1 around it. Renaming keeps the key.",
  access: "edit_map",
  body: ZUpdateDuty,
  responses: {
    200: answer("The duty as it is now.", wrap({ duty: ZDutyView })),
    404: notFound("duty"),
    409: conflict("The key is taken (see `fields.key`)."),
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/duties/{dutyId}`,
  tag: "Duties",
  summary: "Delete a duty with its assignments in every team",
  access: "edit_map",
  responses: { 200: answer("What was deleted.", wrap({ deleted: ZDeletedDuty })), 404: notFound("duty") },
});
