import { createDraft, listDrafts } from "@/lib/server/drafts/drafts";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZCreateDraft } from "@/lib/validation/drafts";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => json(await listDrafts({ actor, ...params })));

export const POST = apiRoute<TParams>(async ({ request, actor, params }) =>
  json(await createDraft({ actor, ...params, ...(await readJson(request, ZCreateDraft)) }), 201),
);
