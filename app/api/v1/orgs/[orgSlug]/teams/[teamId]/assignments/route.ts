import { setAssignment } from "@/lib/server/assignments/set-assignment";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const PUT = handle(contract.PUT)(async ({ actor, params, body }) => {
  const result = await setAssignment({ actor, ...params, ...body });
  if (!result.ok) {
    // The usual error body, plus the cell as it is now, so the client can show it without another request.
    return {
      status: 409,
      body: { error: { code: "conflict", message: result.message }, assignment: result.assignment },
    };
  }
  return { status: 200, body: { assignment: result.assignment } };
});
