import "server-only";
import { z } from "zod";
import { ZDraftView, ZMergeConflict } from "@/lib/server/drafts/answers";
import { answer, defineOperation, DRAFT_PATH, notFound, wrap, ZErrorBody } from "@/lib/server/http/contract";
import { ZPublishDraft } from "@/lib/validation/drafts";

export const POST = defineOperation({
  method: "POST",
  path: `${DRAFT_PATH}/publish`,
  tag: "Drafts",
  summary: "Publish a draft to live, in one transaction, as one undoable journal action",
  description:
    "What the draft changed since it was made is applied to live; what live changed meanwhile stays. Where " +
    "both changed the same thing differently, the answer is 409 with each conflict (its value when the draft " +
    "was made, on live, and in the draft); send again with `choices` keyed by conflict id (`live` or `draft`). " +
    "The draft is then kept read-only.",
  access: "edit_map",
  body: ZPublishDraft,
  bodyOptional: true,
  responses: {
    200: answer(
      "The published draft, and the journal group of the change to live.",
      wrap({ draft: ZDraftView, groupId: z.string().nullable() }),
    ),
    404: notFound("draft"),
    409: {
      description:
        "Conflicts to choose for (in `conflicts`), the draft was published already, or it lacks the approvals the " +
        'organisation asks for ("Not approved yet: the draft needs 2 approvals, has 1.", `conflicts` empty).',
      schema: ZErrorBody.extend({ conflicts: z.array(ZMergeConflict).optional() }),
    },
  },
});
