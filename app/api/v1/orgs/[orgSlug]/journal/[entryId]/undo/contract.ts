import "server-only";
import { z } from "zod";
import { answer, defineOperation, notFound, ORG_PATH, wrap, ZErrorBody } from "@/lib/server/http/contract";
import { ZJournalGroup } from "@/lib/server/journal/answers";

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/journal/{entryId}/undo`,
  tag: "Journal",
  summary: "Undo an action",
  description:
    "Puts back every row the entry's action (its whole group) changed, as it was before, in one transaction; " +
    "the undo is itself an action in the journal, and can be undone. Refused with 409 when a later change " +
    "touched the same rows or what they belong to (listed in `conflicts`), or when it was undone already.",
  access: "edit_map",
  responses: {
    200: answer("The undo, as a journal group.", wrap({ group: ZJournalGroup })),
    404: notFound("journal entry"),
    409: {
      description:
        "Later changes stand in the way (in `conflicts`, newest first, at most 20), or it was undone already.",
      schema: ZErrorBody.extend({ conflicts: z.array(ZJournalGroup) }),
    },
  },
});
