import "server-only";
import { z } from "zod";
import { named, ZDateTime } from "@/lib/server/http/contract";

// What the account, organisation, member, invitation and token routes answer.

const ZRole = z.enum(["OWNER", "MANAGER", "VIEWER"]);

export const ZUser = named("User", z.strictObject({ id: z.string(), email: z.string(), name: z.string() }));
export const ZOrganizationSummary = named(
  "OrganizationSummary",
  z.strictObject({ id: z.string(), slug: z.string(), name: z.string(), role: ZRole }),
);
export const ZMember = named(
  "Member",
  z.strictObject({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: ZRole,
    joinedAt: ZDateTime,
  }),
);
export const ZInvitationSummary = named(
  "InvitationSummary",
  z.strictObject({
    id: z.string(),
    email: z.string(),
    role: ZRole,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    invitedBy: z.string(),
    createdAt: ZDateTime,
    expiresAt: ZDateTime,
  }),
);
export const ZCreatedInvitation = named(
  "CreatedInvitation",
  z.strictObject({
    id: z.string(),
    email: z.string(),
    role: ZRole,
    expiresAt: ZDateTime,
    link: z.string().meta({ description: "The invitation link with its single-use secret; shown only now." }),
  }),
);
export const ZApiTokenSummary = named(
  "ApiTokenSummary",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    role: ZRole,
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: ZDateTime,
    lastUsedAt: ZDateTime.nullable(),
  }),
);
export const ZCreatedApiToken = named(
  "CreatedApiToken",
  ZApiTokenSummary.extend({
    secret: z.string().meta({ description: "The token itself, for `Authorization: Bearer …`; shown only now." }),
  }),
);
