import "server-only";
import { answer, conflict, defineOperation, notFound, TEAM_PATH, wrap } from "@/lib/server/http/contract";
import { ZDeletedSlot, ZSlotView } from "@/lib/server/map/answers";
import { ZUpdateSlot } from "@/lib/validation/slots";

export const GET = defineOperation({
  method: "GET",
  path: `${TEAM_PATH}/slots/{slotId}`,
  tag: "Slots",
  summary: "Get a slot",
  description: "`assignmentCount` is what deleting the slot would remove.",
  access: "read",
  responses: { 200: answer("The slot.", wrap({ slot: ZSlotView })), 404: notFound("team or slot") },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${TEAM_PATH}/slots/{slotId}`,
  tag: "Slots",
  summary: "Change a slot, fill or vacate it, or move it",
  description:
    "Send only the fields to change. `holderId: null` vacates the slot. `order` moves it to that 0-based " +
    "position among the team's slots; the others are renumbered around it.",
  access: "edit_map",
  body: ZUpdateSlot,
  responses: {
    200: answer("The slot as it is now.", wrap({ slot: ZSlotView })),
    404: notFound("team, slot or person"),
    409: conflict("The key is taken in this team (see `fields.key`)."),
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${TEAM_PATH}/slots/{slotId}`,
  tag: "Slots",
  summary: "Delete a slot with its assignments",
  access: "edit_map",
  responses: { 200: answer("What was deleted.", wrap({ deleted: ZDeletedSlot })), 404: notFound("team or slot") },
});
