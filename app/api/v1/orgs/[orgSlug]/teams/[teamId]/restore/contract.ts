import "server-only";
import { answer, conflict, defineOperation, notFound, TEAM_PATH, wrap } from "@/lib/server/http/contract";
import { ZJournalGroup } from "@/lib/server/journal/answers";
import { ZRestoreTeam } from "@/lib/validation/journal";

export const POST = defineOperation({
  method: "POST",
  path: `${TEAM_PATH}/restore`,
  tag: "Journal",
  summary: "Restore a team to how it was at a past moment",
  description:
    "Puts the team's name, slots, holders and cells back as they were at `at`, bringing back people and " +
    "duties it needs that were deleted since, in one transaction: one action in the journal, which can be " +
    "undone. `group` is null when the team was already as it was then.",
  access: "edit_map",
  body: ZRestoreTeam,
  responses: {
    200: answer("The restore, as a journal group.", wrap({ group: ZJournalGroup.nullable() })),
    404: notFound("team"),
    409: conflict("The team did not exist then, or what it needs back clashes with a key or email in use."),
  },
});
