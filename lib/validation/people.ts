import type { z } from "zod";
import { ZMapPerson } from "./map";
import { hasSomeField, NOTHING_TO_CHANGE, ZBody } from "./map-fields";

export const ZCreatePerson = ZBody("a person", {
  name: ZMapPerson.shape.name,
  /** Made from the name when left out. */
  key: ZMapPerson.shape.key.optional(),
  email: ZMapPerson.shape.email,
  capacity: ZMapPerson.shape.capacity,
});
export type TCreatePerson = z.infer<typeof ZCreatePerson>;

export const ZUpdatePerson = ZBody("a person", {
  name: ZMapPerson.shape.name.optional(),
  key: ZMapPerson.shape.key.optional(),
  /** null removes it. */
  email: ZMapPerson.shape.email,
  capacity: ZMapPerson.shape.capacity.unwrap().optional(),
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });
export type TUpdatePerson = z.infer<typeof ZUpdatePerson>;
