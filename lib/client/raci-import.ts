"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TRaciChoices } from "@/lib/domain/raci-sheet";
import { callApi, type TResponse } from "./api";
import { queryKeys } from "./query-keys";

const RACI_IMPORT = "POST /api/v1/orgs/{orgSlug}/teams/{teamId}/raci-import";

export type TRaciImportAnswer = TResponse<typeof RACI_IMPORT>;
export type TRaciPreview = TRaciImportAnswer["preview"];

/**
 * A RACI sheet's import into a team: `preview` sends the file with the user's choices and writes nothing; `apply`
 * sends the same and writes it (one undoable action), then the map and the journal reload.
 */
export function useRaciImport({ orgId, orgSlug, teamId }: { orgId: string; orgSlug: string; teamId: string }) {
  const queryClient = useQueryClient();
  const send = (file: File, choices: TRaciChoices, apply: boolean, expect?: string) => {
    const body = new FormData();
    body.set("file", file, file.name);
    body.set("options", JSON.stringify({ ...choices, apply, expect }));
    return callApi(RACI_IMPORT, { params: { orgSlug, teamId }, body });
  };
  const preview = useMutation({
    mutationFn: ({ file, choices }: { file: File; choices: TRaciChoices }) => send(file, choices, false),
  });
  const apply = useMutation({
    // `expect`: the preview's fingerprint, so that the server writes what the user saw or nothing (409).
    mutationFn: ({ file, choices, expect }: { file: File; choices: TRaciChoices; expect: string }) =>
      send(file, choices, true, expect),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.journal(orgId) }),
      ]),
  });
  return { preview, apply };
}
