"use client";

import { callApi, type TBody } from "./api";
import { useMapFormWrite, useMapWrite } from "./map-write";

type TOrg = { orgId: string; orgSlug: string };

/** Adding, editing and removing people; each reloads the map once the server has it. */
export function usePeopleMutations({ orgId, orgSlug }: TOrg) {
  const create = useMapFormWrite({
    orgId,
    write: (body: TBody<"POST /api/v1/orgs/{orgSlug}/people">) =>
      callApi("POST /api/v1/orgs/{orgSlug}/people", { params: { orgSlug }, body }),
  });
  const update = useMapFormWrite({
    orgId,
    write: ({
      personId,
      changes,
    }: {
      personId: string;
      changes: TBody<"PATCH /api/v1/orgs/{orgSlug}/people/{personId}">;
    }) => callApi("PATCH /api/v1/orgs/{orgSlug}/people/{personId}", { params: { orgSlug, personId }, body: changes }),
  });
  const remove = useMapWrite({
    orgId,
    write: (personId: string) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/people/{personId}", { params: { orgSlug, personId } }),
  });
  return { create, update, remove };
}
