import "server-only";
import { z } from "zod";
import { answer, defineOperation, named, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZUpdateSettings } from "@/lib/validation/review";

const ZSettings = named(
  "OrganizationSettings",
  z.strictObject({
    approvalsRequired: z.int().meta({ description: "Approvals publishing a draft needs; 0: review off." }),
    viewersMayComment: z.boolean(),
  }),
);

const SETTINGS = answer("The organisation's settings.", wrap({ settings: ZSettings }));

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/settings`,
  tag: "Organisations",
  summary: "The organisation's settings",
  description: "A draft's address has none of its own (400): its live organisation's apply.",
  access: "read",
  responses: { 200: SETTINGS },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/settings`,
  tag: "Organisations",
  summary: "Change the organisation's settings (Owners)",
  description:
    "What the body leaves out keeps its value. `approvalsRequired` (0 to 20; 0 turns review off) is how many " +
    "approvals of its reviewers a draft needs before it can be published or scheduled. Every problem is answered " +
    "at once in `fields`. A change is recorded in History.",
  access: "manage_settings",
  body: ZUpdateSettings,
  responses: { 200: SETTINGS },
});
