import { z } from "zod";
import { refuseNul } from "./map-fields";

export const ZPresence = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId is 8 to 64 letters, digits, _ or -."),
    path: z.string().startsWith("/", "path is a path on this site.").max(300),
    focus: z
      .string()
      .max(200)
      .regex(/^[^:]+:[^:]+$/, 'focus is "dutyId:slotId".')
      .nullable()
      .default(null),
    isHere: z.boolean().default(true),
  })
  .superRefine(refuseNul);
export type TPresence = z.infer<typeof ZPresence>;
