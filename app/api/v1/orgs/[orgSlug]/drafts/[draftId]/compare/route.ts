import { compareDraft } from "@/lib/server/drafts/drafts";
import { apiRoute, json } from "@/lib/server/http/api-route";
import { readQuery } from "@/lib/server/http/read-query";
import { ZCompareQuery } from "@/lib/validation/drafts";

type TParams = { orgSlug: string; draftId: string };

export const GET = apiRoute<TParams>(async ({ request, actor, params }) =>
  json(await compareDraft({ actor, ...params, withRef: readQuery(request, ZCompareQuery).with })),
);
