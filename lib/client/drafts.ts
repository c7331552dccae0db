"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { TPlanProgress } from "@/lib/domain/plan-model";
import { queryKeys } from "./query-keys";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { callApi, type TBody } from "./api";

/**
 * Creating, duplicating, renaming, discarding, publishing, scheduling and reviewing drafts. The drafts pages are rendered by the server, so
 * each success renders them again (`router.refresh()`).
 */
export function useDraftMutations({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const refresh = () => startTransition(() => router.refresh());
  const create = useMutation({
    mutationFn: (body: TBody<"POST /api/v1/orgs/{orgSlug}/drafts">) =>
      callApi("POST /api/v1/orgs/{orgSlug}/drafts", { params: { orgSlug }, body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({
      draftId,
      changes,
    }: {
      draftId: string;
      changes: TBody<"PATCH /api/v1/orgs/{orgSlug}/drafts/{draftId}">;
    }) => callApi("PATCH /api/v1/orgs/{orgSlug}/drafts/{draftId}", { params: { orgSlug, draftId }, body: changes }),
    onSuccess: refresh,
  });
  const discard = useMutation({
    mutationFn: (draftId: string) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/drafts/{draftId}", { params: { orgSlug, draftId } }),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: ({
      draftId,
      body,
    }: {
      draftId: string;
      body: TBody<"POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/publish">;
    }) => callApi("POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/publish", { params: { orgSlug, draftId }, body }),
    onSuccess: () => router.refresh(),
  });
  const schedule = useMutation({
    mutationFn: ({ draftId, at }: { draftId: string; at: string }) =>
      callApi("POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/schedule", { params: { orgSlug, draftId }, body: { at } }),
    onSuccess: refresh,
  });
  const cancelSchedule = useMutation({
    mutationFn: (draftId: string) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/drafts/{draftId}/schedule", { params: { orgSlug, draftId } }),
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: ({ draftId, reviewers }: { draftId: string; reviewers: string[] }) =>
      callApi("POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/submit", {
        params: { orgSlug, draftId },
        body: { reviewers },
      }),
    onSuccess: refresh,
  });
  const review = useMutation({
    mutationFn: ({
      draftId,
      body,
    }: {
      draftId: string;
      body: TBody<"POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/reviews">;
    }) => callApi("POST /api/v1/orgs/{orgSlug}/drafts/{draftId}/reviews", { params: { orgSlug, draftId }, body }),
    onSuccess: refresh,
  });
  return { create, update, discard, publish, schedule, cancelSchedule, submit, review };
}

/**
 * Asks the server for a plan (see suggestPlan): it solves for up to the time limit, then answers with the new
 * draft, or with why there is none.
 */
/** A plan's progress while the server works on it (from the live stream), or undefined before any arrives. */
export function usePlanProgress(requestId: string) {
  return useQuery<TPlanProgress | null>({
    queryKey: queryKeys.planProgress(requestId),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
}

export function useSuggestPlan({ orgSlug }: { orgSlug: string }) {
  return useMutation({
    mutationFn: (body: TBody<"POST /api/v1/orgs/{orgSlug}/plans">) =>
      callApi("POST /api/v1/orgs/{orgSlug}/plans", { params: { orgSlug }, body }),
  });
}
