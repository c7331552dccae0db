import "server-only";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, defineOperation, DRAFT_PATH, notFound, wrap } from "@/lib/server/http/contract";
import { ZScheduleDraft } from "@/lib/validation/drafts";

const SCHEDULED = answer("The draft, with its schedule.", wrap({ draft: ZDraftView }));

export const POST = defineOperation({
  method: "POST",
  path: `${DRAFT_PATH}/schedule`,
  tag: "Drafts",
  summary: "Schedule a draft's publish for a moment in the future (again: reschedule)",
  description:
    "At `at`, Remit publishes the draft as Publish does (one transaction, one undoable journal action, " +
    'History: "published as scheduled, by" whoever scheduled it), through its job queue, whichever app server runs ' +
    "then, or the first to start after. If live changed the same things as the draft meanwhile, it does not " +
    "publish: the draft's `schedule.refusal` lists the conflicts. 400 for a moment not in the future.",
  access: "edit_map",
  body: ZScheduleDraft,
  responses: {
    200: SCHEDULED,
    404: notFound("draft"),
    409: {
      description:
        "The draft has been published already, or it lacks the approvals the organisation asks for (the reason " +
        "says how many it has). A scheduled publish whose approvals an edit withdrew is refused when it runs.",
    },
  },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${DRAFT_PATH}/schedule`,
  tag: "Drafts",
  summary: "Cancel a draft's scheduled publish; nothing is published",
  access: "edit_map",
  responses: {
    200: answer("The draft, without a schedule.", wrap({ draft: ZDraftView })),
    404: notFound("draft"),
    409: { description: "The draft has been published already." },
  },
});
