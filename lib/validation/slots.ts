import { z } from "zod";
import { ZMoment, ZPageLimit } from "./journal";
import { ZMapSlot } from "./map";
import { hasSomeField, NOTHING_TO_CHANGE, ZBody, ZPosition, ZRef } from "./map-fields";

const ZHolderRef = ZRef("holderId", "a person").nullable();

export const ZCreateSlot = ZBody("a slot", {
  role: ZMapSlot.shape.role,
  /** Made from the title, or else the role, when left out. */
  key: ZMapSlot.shape.key.optional(),
  title: ZMapSlot.shape.title,
  /** The id or key of the person holding the slot; null or left out when it is vacant. */
  holderId: ZHolderRef.optional(),
  allocation: ZMapSlot.shape.allocation,
});
export type TCreateSlot = z.infer<typeof ZCreateSlot>;

export const ZUpdateSlot = ZBody("a slot", {
  role: ZMapSlot.shape.role.optional(),
  key: ZMapSlot.shape.key.optional(),
  /** null removes it. */
  title: ZMapSlot.shape.title,
  /** null vacates the slot. */
  holderId: ZHolderRef.optional(),
  /** When the holder's term ends (a future moment); null removes the end. A new holder starts with none. */
  holderUntil: ZMoment("holderUntil").nullable().optional(),
  /** The id or key of the person who takes the slot over at nextHolderFrom; null cancels the plan. */
  nextHolderId: ZRef("nextHolderId", "a person").nullable().optional(),
  nextHolderFrom: ZMoment("nextHolderFrom").nullable().optional(),
  allocation: ZMapSlot.shape.allocation.unwrap().optional(),
  /** Moves the slot to this 0-based position among the team's slots; the others close up around it. */
  order: ZPosition.optional(),
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });
export type TUpdateSlot = z.infer<typeof ZUpdateSlot>;

/** `GET …/slots/{slotId}/candidates` query: how many of the best-fitting people to list. */
export const ZSlotCandidatesQuery = z.object({ limit: ZPageLimit(20) });
export type TSlotCandidatesQuery = z.infer<typeof ZSlotCandidatesQuery>;
