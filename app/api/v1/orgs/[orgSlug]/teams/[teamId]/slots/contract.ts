import "server-only";
import { z } from "zod";
import { answer, conflict, defineOperation, notFound, TEAM_PATH, wrap } from "@/lib/server/http/contract";
import { ZSlotView } from "@/lib/server/map/answers";
import { ZCreateSlot } from "@/lib/validation/slots";

export const GET = defineOperation({
  method: "GET",
  path: `${TEAM_PATH}/slots`,
  tag: "Slots",
  summary: "List a team's slots",
  access: "read",
  responses: { 200: answer("The slots in order.", wrap({ slots: z.array(ZSlotView) })), 404: notFound("team") },
});

export const POST = defineOperation({
  method: "POST",
  path: `${TEAM_PATH}/slots`,
  tag: "Slots",
  summary: "Add a slot to a team",
  description:
    "The slot goes after the team's others. `holderId` takes a person's id or key. Without `key`, one is made " +
    "from the title, or else the role.",
  access: "edit_map",
  body: ZCreateSlot,
  responses: {
    201: answer("The new slot.", wrap({ slot: ZSlotView })),
    404: notFound("team or person"),
    409: conflict("The key is taken in this team (see `fields.key`)."),
  },
});
