import type { z } from "zod";
import { ZMapTeam } from "./map";
import { hasSomeField, NOTHING_TO_CHANGE, ZBody } from "./map-fields";

export const ZCreateTeam = ZBody("a team", {
  name: ZMapTeam.shape.name,
  /** Made from the name when left out. */
  key: ZMapTeam.shape.key.optional(),
  description: ZMapTeam.shape.description,
  group: ZMapTeam.shape.group,
});
export type TCreateTeam = z.infer<typeof ZCreateTeam>;

export const ZUpdateTeam = ZBody("a team", {
  name: ZMapTeam.shape.name.optional(),
  key: ZMapTeam.shape.key.optional(),
  /** null removes it. */
  description: ZMapTeam.shape.description,
  /** null or "" takes the team out of its group. */
  group: ZMapTeam.shape.group,
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });
export type TUpdateTeam = z.infer<typeof ZUpdateTeam>;
