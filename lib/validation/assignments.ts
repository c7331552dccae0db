import { z } from "zod";
import { RACI_LEVELS } from "@/lib/domain/model";
import { ZBody, ZRef } from "./map-fields";

export const ZSetAssignment = ZBody("an assignment", {
  dutyId: ZRef("dutyId", "a duty"),
  slotId: ZRef("slotId", "a slot of this team"),
  /** null clears the cell. */
  level: z
    .enum(RACI_LEVELS, {
      error: `Set "level" to "accountable", "responsible", "consulted" or "informed", or to null to clear the cell.`,
    })
    .nullable(),
  /**
   * The version the client last saw (0 for an empty cell). When given and the stored version differs, nothing is
   * written and the answer is 409 with the cell as it is now. Left out, the write wins whatever the version.
   */
  version: z
    .number({ error: `"version" must be the cell's version as you last saw it: a whole number, 0 for an empty cell.` })
    .int(`"version" must be a whole number.`)
    .min(0, `"version" cannot be negative; an empty cell has version 0.`)
    .max(2_147_483_647, `"version" is larger than any cell's version; send the one you last saw.`)
    .optional(),
});
export type TSetAssignment = z.infer<typeof ZSetAssignment>;
