"use client";

import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import type { TDuty, TRemitMap } from "@/lib/domain/model";
import { callApi, type TBody } from "./api";
import { errorMessage } from "./api-error";
import { useCreateMapRow, useMapWrite } from "./map-write";
import type { TMapState } from "./queries";
import { mutationKeys, queryKeys } from "./query-keys";

type TOrg = { orgId: string; orgSlug: string };
type TDutyChanges = TBody<"PATCH /api/v1/orgs/{orgSlug}/duties/{dutyId}">;

/**
 * The duty catalogue's writes. `change` shows a change at once (`preview` applies it to the cached map) and saves
 * it; changes are saved one at a time and in order, since each move is a position in the catalogue as the previous
 * move left it. `isSaving`/`hasSaved` say "Saving…" and "All changes saved.".
 */
export function useDutyMutations({ orgId, orgSlug }: TOrg) {
  const queryClient = useQueryClient();
  const toast = useToast();
  // The catalogue's part of the map; invalidating it reloads every part, the whole map included.
  const key = queryKeys.map(orgId, "duties");
  const changesKey = mutationKeys.dutyChanges(orgId);
  const isSaving = useIsMutating({ mutationKey: changesKey }) > 0;
  const [hasSaved, setHasSaved] = useState(false);
  const patch = useMutation({
    mutationKey: changesKey,
    scope: { id: `${orgId}:duty-catalogue` },
    mutationFn: ({ duty, changes }: { duty: TDuty; changes: TDutyChanges }) =>
      callApi("PATCH /api/v1/orgs/{orgSlug}/duties/{dutyId}", { params: { orgSlug, dutyId: duty.id }, body: changes }),
    onSuccess: () => setHasSaved(true),
    onError: (error, { duty }) =>
      toast.show(
        `${duty.name} was not changed: ${errorMessage(error, "the server did not answer.")} The catalogue shows what is saved.`,
        "error",
      ),
    onSettled: () => {
      // The last change in the queue reloads the map; on an error that puts back what the server has.
      if (queryClient.isMutating({ mutationKey: changesKey }) <= 1)
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const change = (duty: TDuty, changes: TDutyChanges, preview: (map: TRemitMap) => TRemitMap) => {
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<TMapState>(key, (state) => state && { ...state, map: preview(state.map) });
    patch.mutate({ duty, changes });
  };

  const create = useCreateMapRow({ orgId, orgSlug, operation: "POST /api/v1/orgs/{orgSlug}/duties" });
  const remove = useMapWrite({
    orgId,
    write: (duty: TDuty) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/duties/{dutyId}", { params: { orgSlug, dutyId: duty.id } }),
  });
  return { change, isSaving, hasSaved, create, remove };
}
