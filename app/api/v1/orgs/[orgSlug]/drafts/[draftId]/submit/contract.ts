import "server-only";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, conflict, defineOperation, DRAFT_PATH, notFound, wrap } from "@/lib/server/http/contract";
import { ZSubmitDraft } from "@/lib/validation/review";

export const POST = defineOperation({
  method: "POST",
  path: `${DRAFT_PATH}/submit`,
  tag: "Drafts",
  summary: "Submit a draft for review by chosen members",
  description:
    "`reviewers` are user ids of the organisation's Managers and Owners, not the submitter's own; at least as many " +
    "as the organisation's `approvalsRequired`. Submitting again replaces the reviewers (their reviews stay). " +
    "400 with every problem (a reviewer who is not a member, a Viewer, the submitter). Recorded in History.",
  access: "edit_map",
  body: ZSubmitDraft,
  responses: {
    200: answer("The draft, with its reviewers.", wrap({ draft: ZDraftView })),
    404: notFound("draft"),
    409: conflict("The draft has been published already."),
  },
});
