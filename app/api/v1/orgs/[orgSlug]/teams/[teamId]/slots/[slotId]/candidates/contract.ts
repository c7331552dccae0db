import "server-only";
import { answer, defineOperation, notFound, TEAM_PATH } from "@/lib/server/http/contract";
import { ZSlotCandidates } from "@/lib/server/map/answers";
import { ZSlotCandidatesQuery } from "@/lib/validation/slots";

export const GET = defineOperation({
  method: "GET",
  path: `${TEAM_PATH}/slots/{slotId}/candidates`,
  tag: "Slots",
  summary: "Who could fill a slot, best fit first",
  description:
    "Everyone but the slot's holder, ranked by what giving them the slot would do under the organisation's rules: " +
    "the flags it would raise and clear (overload at the slot's allocation, dual role, PO spread, person spread...), " +
    "their spare capacity and their current teams. `limit` (1 to 100, default 20) keeps the best.",
  access: "read",
  query: ZSlotCandidatesQuery,
  responses: { 200: answer("The candidates.", ZSlotCandidates), 404: notFound("team or slot") },
});
