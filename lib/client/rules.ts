"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi, type TBody, type TResponse } from "./api";

export type TRuleView = TResponse<"GET /api/v1/orgs/{orgSlug}/rules">["rules"][number];
export type TRuleChange = TBody<"PATCH /api/v1/orgs/{orgSlug}/rules">["rules"][number];
export type TRulesPreview = TResponse<"POST /api/v1/orgs/{orgSlug}/rules/preview">;

type TOrg = { orgId: string; orgSlug: string };

/**
 * What `changes` would do to the organisation's flags and health, asked of the server (nothing is saved) once the
 * changes have stayed the same for a moment; none while there are no changes.
 */
export function useRulesPreview({ orgId, orgSlug }: TOrg, changes: readonly TRuleChange[]) {
  return useQuery({
    queryKey: [orgId, "rules", "preview", changes],
    queryFn: () =>
      callApi("POST /api/v1/orgs/{orgSlug}/rules/preview", { params: { orgSlug }, body: { rules: [...changes] } }),
    enabled: changes.length > 0,
    staleTime: Infinity,
    retry: false,
  });
}

/** Saves rule changes; every screen's flags are reloaded once they are saved. */
export function useSaveRules({ orgId, orgSlug }: TOrg) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: readonly TRuleChange[]) =>
      callApi("PATCH /api/v1/orgs/{orgSlug}/rules", { params: { orgSlug }, body: { rules: [...changes] } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [orgId] }),
  });
}
