"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { TOverview } from "@/lib/domain/overview";
import { useNewerInitialData } from "./use-org-map";

/** The overview and when the server read the map behind it (ms since the epoch). */
export type TOverviewState = { overview: TOverview; loadedAt: number };

export function overviewQueryKey(orgId: string, at?: string) {
  return at ? ([orgId, "overview", at] as const) : ([orgId, "overview"] as const);
}

/**
 * The organisation overview, computed by the server (for 1,000 teams the whole map would be megabytes). The live
 * provider refetches it after every change; see `LiveProvider`.
 */
export function useOrgOverview({
  orgId,
  orgSlug,
  initial,
  at,
}: {
  orgId: string;
  orgSlug: string;
  /** The overview as the server rendered it. */
  initial: TOverviewState;
  /** A past moment (ISO): the overview as it was then, which never changes. */
  at?: string;
}) {
  const key = overviewQueryKey(orgId, at);
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      apiFetch<TOverviewState>(`/api/v1/orgs/${orgSlug}/overview${at ? `?at=${encodeURIComponent(at)}` : ""}`),
    initialData: initial,
    initialDataUpdatedAt: initial.loadedAt,
    ...(at ? { staleTime: Infinity } : {}),
  });
  useNewerInitialData(key, initial);
  return query;
}
