import "server-only";
import { z } from "zod";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, defineOperation, DRAFT_PATH, notFound, wrap } from "@/lib/server/http/contract";
import { ZUpdateDraft } from "@/lib/validation/drafts";

export const GET = defineOperation({
  method: "GET",
  path: DRAFT_PATH,
  tag: "Drafts",
  summary: "One draft",
  access: "read",
  responses: { 200: answer("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft") },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: DRAFT_PATH,
  tag: "Drafts",
  summary: "Rename a draft, or change its description",
  access: "edit_map",
  body: ZUpdateDraft,
  responses: { 200: answer("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft") },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: DRAFT_PATH,
  tag: "Drafts",
  summary: "Discard a draft, with its map and journal; live is untouched",
  access: "edit_map",
  responses: {
    200: answer("What was discarded.", wrap({ deleted: wrap({ id: z.string() }) })),
    404: notFound("draft"),
  },
});
