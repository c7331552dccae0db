"use client";

import { callApi, type TBody } from "./api";
import { useCreateMapRow, useMapFormWrite, useMapWrite } from "./map-write";

type TOrg = { orgId: string; orgSlug: string };

/** Adding, editing and removing people; each reloads the map once the server has it. */
export function usePeopleMutations({ orgId, orgSlug }: TOrg) {
  const create = useCreateMapRow({ orgId, orgSlug, operation: "POST /api/v1/orgs/{orgSlug}/people" });
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
