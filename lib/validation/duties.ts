import type { z } from "zod";
import { ZMapDuty } from "./map";
import { hasSomeField, NOTHING_TO_CHANGE, ZBody, ZPosition } from "./map-fields";

export const ZCreateDuty = ZBody("a duty", {
  name: ZMapDuty.shape.name,
  /** Made from the name when left out. */
  key: ZMapDuty.shape.key.optional(),
  description: ZMapDuty.shape.description,
  required: ZMapDuty.shape.required,
});
export type TCreateDuty = z.infer<typeof ZCreateDuty>;

export const ZUpdateDuty = ZBody("a duty", {
  name: ZMapDuty.shape.name.optional(),
  key: ZMapDuty.shape.key.optional(),
  description: ZMapDuty.shape.description.unwrap().optional(),
  required: ZMapDuty.shape.required.unwrap().optional(),
  /** Moves the duty to this 0-based position in the catalogue; the others close up around it. */
  order: ZPosition.optional(),
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });
export type TUpdateDuty = z.infer<typeof ZUpdateDuty>;
