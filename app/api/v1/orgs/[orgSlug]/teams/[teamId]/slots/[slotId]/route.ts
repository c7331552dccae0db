import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { deleteSlot } from "@/lib/server/slots/delete-slot";
import { getSlot } from "@/lib/server/slots/get-slot";
import { updateSlot } from "@/lib/server/slots/update-slot";
import { ZUpdateSlot } from "@/lib/validation/slots";

type TParams = { orgSlug: string; teamId: string; slotId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => json({ slot: await getSlot({ actor, ...params }) }));

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) => {
  const changes = await readJson(request, ZUpdateSlot);
  return json({ slot: await updateSlot({ actor, ...params, changes }) });
});

export const DELETE = apiRoute<TParams>(async ({ actor, params }) =>
  json({ deleted: await deleteSlot({ actor, ...params }) }),
);
