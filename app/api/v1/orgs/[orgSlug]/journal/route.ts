import { apiRoute, json } from "@/lib/server/http/api-route";
import { readQuery } from "@/lib/server/http/read-query";
import { getJournal } from "@/lib/server/journal/get-journal";
import { ZJournalQuery } from "@/lib/validation/journal";

export const GET = apiRoute<{ orgSlug: string }>(async ({ request, actor, params }) =>
  json(await getJournal({ actor, orgSlug: params.orgSlug, query: readQuery(request, ZJournalQuery) })),
);
