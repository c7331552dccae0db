import { deleteDuty } from "@/lib/server/duties/delete-duty";
import { getDuty } from "@/lib/server/duties/get-duty";
import { updateDuty } from "@/lib/server/duties/update-duty";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZUpdateDuty } from "@/lib/validation/duties";

type TParams = { orgSlug: string; dutyId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => json({ duty: await getDuty({ actor, ...params }) }));

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) => {
  const changes = await readJson(request, ZUpdateDuty);
  return json({ duty: await updateDuty({ actor, ...params, changes }) });
});

export const DELETE = apiRoute<TParams>(async ({ actor, params }) =>
  json({ deleted: await deleteDuty({ actor, ...params }) }),
);
