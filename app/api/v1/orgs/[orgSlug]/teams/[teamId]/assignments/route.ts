import { setAssignment } from "@/lib/server/assignments/set-assignment";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZSetAssignment } from "@/lib/validation/assignments";

type TParams = { orgSlug: string; teamId: string };

export const PUT = apiRoute<TParams>(async ({ request, actor, params }) => {
  const result = await setAssignment({ actor, ...params, ...(await readJson(request, ZSetAssignment)) });
  if (!result.ok) {
    // The usual error body, plus the cell as it is now, so the client can show it without another request.
    return json({ error: { code: "conflict", message: result.message }, assignment: result.assignment }, 409);
  }
  return json({ assignment: result.assignment });
});
