import { publishDraft } from "@/lib/server/drafts/drafts";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZPublishDraft } from "@/lib/validation/drafts";

type TParams = { orgSlug: string; draftId: string };

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const { choices } = await readJson(request, ZPublishDraft, { emptyAs: {} });
  const result = await publishDraft({ actor, ...params, choices });
  if (!result.ok) {
    // The usual error body, plus each conflict to choose a side for.
    return json({ error: { code: "conflict", message: result.message }, conflicts: result.conflicts }, 409);
  }
  return json({ draft: result.draft, groupId: result.groupId });
});
