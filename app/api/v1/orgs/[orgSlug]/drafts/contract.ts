import "server-only";
import { z } from "zod";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZCreateDraft } from "@/lib/validation/drafts";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/drafts`,
  tag: "Drafts",
  summary: "The organisation's drafts, newest first",
  access: "read",
  responses: { 200: answer("The drafts.", wrap({ drafts: z.array(ZDraftView) })) },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/drafts`,
  tag: "Drafts",
  summary: "Make a draft: a full copy of the live map (or, with `from`, of another draft) to plan in",
  description:
    "The draft's map lives under its own `slug`: every map route (`/api/v1/orgs/{slug}/…`) and screen works on " +
    "it as on live, with live updates and a journal of its own, and nothing in it touches live until published.",
  access: "edit_map",
  body: ZCreateDraft,
  responses: { 201: answer("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft to copy") },
});
