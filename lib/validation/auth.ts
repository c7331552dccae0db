import { z } from "zod";
import { refuseNul } from "./map-fields";

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const ZSignIn = z
  .object({
    email: ZEmail,
    password: z
      .string({ error: "Enter your password." })
      .min(1, "Enter your password.")
      .max(256, "A password has at most 256 characters."),
  })
  .superRefine(refuseNul);

export type TSignIn = z.infer<typeof ZSignIn>;
