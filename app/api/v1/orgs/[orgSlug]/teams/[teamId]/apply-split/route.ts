import { applyPoPmSplit } from "@/lib/server/assignments/apply-po-pm-split";
import { apiRoute, json } from "@/lib/server/http/api-route";

export const POST = apiRoute<{ orgSlug: string; teamId: string }>(async ({ actor, params }) =>
  json(await applyPoPmSplit({ actor, ...params })),
);
