import "server-only";
import { z } from "zod";
import { named, ZDateTime } from "@/lib/server/http/contract";

// What the comment routes answer.

export const ZCommentTargetAnswer = z.strictObject({
  kind: z.enum(["team", "cell", "draft"]),
  teamId: z.string().nullable(),
  dutyId: z.string().nullable(),
  slotId: z.string().nullable(),
  draftId: z.string().nullable().meta({ description: "Set for a draft, and for a cell inside a draft." }),
});

export const ZComment = named(
  "Comment",
  z.strictObject({
    id: z.string(),
    threadId: z.string(),
    author: z.strictObject({
      id: z.string().nullable().meta({ description: "Null once the author's account is deleted." }),
      name: z.string(),
    }),
    body: z.string().meta({ description: "Plain text, as written: never markup." }),
    mentions: z.array(z.string()).meta({ description: "The ids of the members the body mentions." }),
    createdAt: ZDateTime,
    editedAt: ZDateTime.nullable(),
  }),
);

export const ZCommentThread = named(
  "CommentThread",
  z.strictObject({
    id: z.string(),
    target: ZCommentTargetAnswer,
    startedBy: z
      .strictObject({ id: z.string().nullable() })
      .meta({ description: "Who started the thread (they may resolve and reopen it); id null once deleted." }),
    status: z.enum(["open", "resolved"]),
    resolvedAt: ZDateTime.nullable(),
    resolvedBy: z.strictObject({ id: z.string().nullable(), name: z.string() }).nullable(),
    lastActivityAt: ZDateTime,
    createdAt: ZDateTime,
    comments: z.array(ZComment).meta({ description: "Oldest first." }),
  }),
);
