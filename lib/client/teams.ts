"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TSlot } from "@/lib/domain/model";
import { callApi, type TBody } from "./api";
import { useCreateMapRow, useMapWrite } from "./map-write";
import { queryKeys } from "./query-keys";

type TOrg = { orgId: string; orgSlug: string };

/** Creating a team, and restoring one to a past moment. */
export function useTeamMutations({ orgId, orgSlug }: TOrg) {
  const queryClient = useQueryClient();
  const create = useCreateMapRow({ orgId, orgSlug, operation: "POST /api/v1/orgs/{orgSlug}/teams" });
  const restore = useMutation({
    mutationFn: ({ teamId, at }: { teamId: string; at: string }) =>
      callApi("POST /api/v1/orgs/{orgSlug}/teams/{teamId}/restore", { params: { orgSlug, teamId }, body: { at } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) }),
  });
  return { create, restore };
}

/**
 * A team's slots, the PO/PM split applied to its empty cells, and the team's group; each reloads the map, errors
 * become toasts.
 */
export function useSlotMutations({ orgId, orgSlug, teamId }: TOrg & { teamId: string }) {
  const params = { orgSlug, teamId };
  const update = useMapWrite({
    orgId,
    write: ({
      slot,
      changes,
    }: {
      slot: TSlot;
      changes: TBody<"PATCH /api/v1/orgs/{orgSlug}/teams/{teamId}/slots/{slotId}">;
    }) =>
      callApi("PATCH /api/v1/orgs/{orgSlug}/teams/{teamId}/slots/{slotId}", {
        params: { ...params, slotId: slot.id },
        body: changes,
      }),
  });
  const remove = useMapWrite({
    orgId,
    write: (slot: TSlot) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/teams/{teamId}/slots/{slotId}", {
        params: { ...params, slotId: slot.id },
      }),
    success: (slot) => `Removed the ${slot.role} slot.`,
  });
  const add = useMapWrite({
    orgId,
    write: (role: string) => callApi("POST /api/v1/orgs/{orgSlug}/teams/{teamId}/slots", { params, body: { role } }),
    success: (role) => `Added a ${role} slot.`,
  });
  const applySplit = useMapWrite({
    orgId,
    write: () => callApi("POST /api/v1/orgs/{orgSlug}/teams/{teamId}/apply-split", { params }),
    success: () => "Applied the PO/PM split to the empty cells.",
  });
  const setGroup = useMapWrite({
    orgId,
    write: (group: string) => callApi("PATCH /api/v1/orgs/{orgSlug}/teams/{teamId}", { params, body: { group } }),
    success: (group) =>
      group.trim() ? `Moved the team to group “${group.trim()}”.` : "Took the team out of its group.",
  });
  return { add, update, remove, applySplit, setGroup };
}

export type TSlotMutations = ReturnType<typeof useSlotMutations>;

/** The people who could fill a slot, best fit first (see `rankSlotCandidates`), loaded while `enabled`. */
export function useSlotCandidates({
  orgId,
  orgSlug,
  teamId,
  slotId,
  enabled,
}: TOrg & { teamId: string; slotId: string; enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.slotCandidates(orgId, slotId),
    queryFn: () =>
      callApi("GET /api/v1/orgs/{orgSlug}/teams/{teamId}/slots/{slotId}/candidates", {
        params: { orgSlug, teamId, slotId },
        query: { limit: 8 },
      }),
    enabled,
    staleTime: 0,
  });
}
