import { z } from "zod";
import { objectOf } from "./fields";
import { refuseNul } from "./map-fields";

export const ZPresence = z
  .object(
    {
      clientId: z
        .string({ error: "clientId is 8 to 64 letters, digits, _ or -." })
        .regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId is 8 to 64 letters, digits, _ or -."),
      path: z
        .string({ error: "path is a path on this site, like /acme/teams." })
        .startsWith("/", "path is a path on this site.")
        .max(300, "path has at most 300 characters."),
      focus: z
        .string({ error: 'focus is "dutyId:slotId", or null.' })
        .max(200, 'focus is "dutyId:slotId", at most 200 characters.')
        .regex(/^[^:]+:[^:]+$/, 'focus is "dutyId:slotId".')
        .nullable()
        .default(null),
      isHere: z.boolean({ error: "isHere is true or false." }).default(true),
    },
    objectOf("a presence", ["clientId", "path", "focus", "isHere"]),
  )
  .superRefine(refuseNul);
export type TPresence = z.infer<typeof ZPresence>;
