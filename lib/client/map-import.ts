"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi, type TBody } from "./api";
import { ApiError } from "./api-error";
import { queryKeys } from "./query-keys";

/**
 * Replaces the map with a remit.map/v1 document. `fingerprint` is the preview's: the server refuses (412) when the
 * map changed after the preview was drawn, and then the map reloads so that the preview shows what would change now.
 */
export function useMapImport({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const queryClient = useQueryClient();
  const reloadMap = () => queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) });
  return useMutation({
    mutationFn: ({ document, fingerprint }: { document: unknown; fingerprint: string }) =>
      callApi("PUT /api/v1/orgs/{orgSlug}/map", {
        params: { orgSlug },
        // Checked in the browser already (readMapFile); the server checks it again and names each problem.
        body: document as TBody<"PUT /api/v1/orgs/{orgSlug}/map">,
        headers: { "If-Match": `"${fingerprint}"` },
      }),
    onSuccess: reloadMap,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) void reloadMap();
    },
  });
}
