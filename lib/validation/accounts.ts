import { z } from "zod";
import { isValidSlug, RESERVED_SLUGS, SLUG_MAX_LENGTH } from "@/lib/domain/slug";
import { ZEmail } from "./auth";
import { objectOf } from "./fields";
import { refuseNul } from "./map-fields";

export const PASSWORD_MIN_LENGTH = 10;

// The most common passwords long enough to pass the length rule; attackers try these first.
const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "password123",
  "password1234",
  "qwertyuiop",
  "1q2w3e4r5t",
  "iloveyou123",
  "passw0rd123",
  "administrator",
  "letmein123",
  "welcome123",
  "changeme123",
]);

export const ZPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters; a few words make a strong password.`)
  .max(256, "A password has at most 256 characters.")
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), {
    error: "This password is too common; choose one that is harder to guess.",
  })
  .refine((password) => new Set(password).size >= 4, {
    error: "This password repeats too few characters; choose one that is harder to guess.",
  });

export const ZPersonName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "A name has at most 100 characters.");

export const ZSignUp = z
  .object(
    { name: ZPersonName, email: ZEmail, password: ZPassword },
    objectOf("a sign-up", ["name", "email", "password"]),
  )
  .refine(({ email, password }) => password.toLowerCase() !== email, {
    path: ["password"],
    error: "Your password must not be your email address.",
  })
  .superRefine(refuseNul);
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZOrganizationSlug = z
  .string({ error: "Choose the organisation's address." })
  .trim()
  .toLowerCase()
  .refine((slug) => !RESERVED_SLUGS.has(slug), { error: "This address is reserved by Remit; choose another." })
  .refine((slug) => isValidSlug(slug) || RESERVED_SLUGS.has(slug), {
    error: `Use 2 to ${SLUG_MAX_LENGTH} lower-case letters, digits and single hyphens, like "acme-product".`,
  });

export const ZCreateOrganization = z
  .object(
    {
      name: z
        .string({ error: "Enter the organisation's name." })
        .trim()
        .min(1, "Enter the organisation's name.")
        .max(100, "A name has at most 100 characters."),
      slug: ZOrganizationSlug,
    },
    objectOf("an organisation", ["name", "slug"]),
  )
  .superRefine(refuseNul);
export type TCreateOrganization = z.infer<typeof ZCreateOrganization>;

export const ZMemberRole = z.enum(["OWNER", "MANAGER", "VIEWER"], { error: "Choose Owner, Manager or Viewer." });

export const ZChangeMemberRole = z.object({ role: ZMemberRole }, objectOf("a member's role", ["role"]));

export const ZCreateInvitation = z
  .object({ email: ZEmail, role: ZMemberRole }, objectOf("an invitation", ["email", "role"]))
  .superRefine(refuseNul);
export type TCreateInvitation = z.infer<typeof ZCreateInvitation>;

export const ZCreateApiToken = z
  .object(
    {
      name: z
        .string({ error: "Name the token after what uses it." })
        .trim()
        .min(1, "Name the token after what uses it.")
        .max(100, "A name has at most 100 characters."),
      role: z.enum(["MANAGER", "VIEWER"], { error: "An API token is a Manager or a Viewer." }),
    },
    objectOf("an API token", ["name", "role"]),
  )
  .superRefine(refuseNul);
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;
