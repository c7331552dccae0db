import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "@/lib/domain/comments";
import { ZBody } from "./map-fields";

const id = (field: string) =>
  z
    .string({ error: `Give "${field}" as text.` })
    .trim()
    .min(1, `Give "${field}".`)
    .max(200, `"${field}" is too long.`);

/** What a thread is about: a team, a cell (a duty of a team's slot) or a draft; a cell inside a draft has `draftId`. */
export const ZCommentTarget = z.discriminatedUnion(
  "kind",
  [
    ZBody("a team's target", { kind: z.literal("team"), teamId: id("teamId") }),
    ZBody("a cell's target", {
      kind: z.literal("cell"),
      teamId: id("teamId"),
      dutyId: id("dutyId"),
      slotId: id("slotId"),
      draftId: id("draftId").optional(),
    }),
    ZBody("a draft's target", { kind: z.literal("draft"), draftId: id("draftId") }),
  ],
  { error: 'Give "target" as { kind: "team" | "cell" | "draft", … } with the ids its kind needs.' },
);
export type TCommentTarget = z.infer<typeof ZCommentTarget>;

/** A comment's text: plain text, 1 to 5000 characters, not only spaces. */
export const ZCommentBody = z
  .string({ error: 'Give the comment\'s text as "body".' })
  .refine((text) => text.trim().length > 0, { error: "Write something: the comment is empty." })
  .refine((text) => text.length <= COMMENT_MAX_LENGTH, {
    error: `A comment has at most ${COMMENT_MAX_LENGTH} characters.`,
  });

/** A new comment: one that starts a thread on `target`, or (with `threadId`) a reply to a thread. */
export const ZCreateComment = ZBody("a comment", {
  target: ZCommentTarget.optional(),
  threadId: id("threadId").optional(),
  body: ZCommentBody,
}).superRefine((value, context) => {
  if ((value.target === undefined) === (value.threadId === undefined)) {
    context.addIssue({
      code: "custom",
      path: ["target"],
      message: 'Give either "target" (to start a thread) or "threadId" (to reply to one), not both.',
    });
  }
});
export type TCreateComment = z.infer<typeof ZCreateComment>;

export const ZEditComment = ZBody("a comment", { body: ZCommentBody });

export const ZCommentsQuery = z.object({
  teamId: id("teamId").optional(),
  draftId: id("draftId").optional(),
});
