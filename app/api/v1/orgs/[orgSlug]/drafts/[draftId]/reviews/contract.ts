import "server-only";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, conflict, defineOperation, DRAFT_PATH, notFound, wrap } from "@/lib/server/http/contract";
import { ZReviewDraft } from "@/lib/validation/review";

export const POST = defineOperation({
  method: "POST",
  path: `${DRAFT_PATH}/reviews`,
  tag: "Drafts",
  summary: "Approve a draft, or request changes, as one of its reviewers",
  description:
    "Only a member the draft was submitted to may review it (403 otherwise); their latest review is their " +
    "standing one. An approval stands until the draft's map next changes, which withdraws it. Recorded in History.",
  access: "user:edit_map",
  body: ZReviewDraft,
  responses: {
    201: answer("The draft, with the review and its approval state.", wrap({ draft: ZDraftView })),
    404: notFound("draft"),
    409: conflict("The draft has been published already."),
  },
});
