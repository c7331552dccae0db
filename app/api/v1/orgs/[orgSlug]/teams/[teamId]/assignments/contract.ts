import "server-only";
import { answer, defineOperation, notFound, TEAM_PATH, wrap, ZErrorBody } from "@/lib/server/http/contract";
import { ZAssignmentCell } from "@/lib/server/map/answers";
import { ZSetAssignment } from "@/lib/validation/assignments";

export const PUT = defineOperation({
  method: "PUT",
  path: `${TEAM_PATH}/assignments`,
  tag: "Assignments",
  summary: "Set or clear one cell of a team's grid",
  description:
    "`dutyId` takes a duty's id or key, `slotId` a slot's id or key in this team. `level: null` clears the " +
    "cell. Every change bumps the cell's version; setting the level it has changes nothing. With `version` " +
    "(0 for an empty cell), the write happens only if the cell is still at that version; otherwise the answer " +
    "is 409 with the cell as it is now in `assignment`.",
  access: "edit_map",
  body: ZSetAssignment,
  responses: {
    200: answer("The cell as it is now.", wrap({ assignment: ZAssignmentCell })),
    404: notFound("team, duty or slot"),
    409: {
      description: "The cell changed since `version`; nothing was written.",
      schema: ZErrorBody.extend({ assignment: ZAssignmentCell }),
    },
  },
});
