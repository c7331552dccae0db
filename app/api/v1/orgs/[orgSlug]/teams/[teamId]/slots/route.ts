import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { createSlot } from "@/lib/server/slots/create-slot";
import { listSlots } from "@/lib/server/slots/list-slots";
import { ZCreateSlot } from "@/lib/validation/slots";

type TParams = { orgSlug: string; teamId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ slots: await listSlots({ actor, ...params }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const slot = await createSlot({ actor, ...params, ...(await readJson(request, ZCreateSlot)) });
  return json({ slot }, 201);
});
