import { discardDraft, getDraft, updateDraft } from "@/lib/server/drafts/drafts";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZUpdateDraft } from "@/lib/validation/drafts";

type TParams = { orgSlug: string; draftId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => json(await getDraft({ actor, ...params })));

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) =>
  json(await updateDraft({ actor, ...params, ...(await readJson(request, ZUpdateDraft)) })),
);

export const DELETE = apiRoute<TParams>(async ({ actor, params }) => json(await discardDraft({ actor, ...params })));
