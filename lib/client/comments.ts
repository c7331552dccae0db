"use client";

// Comment threads as the browser reads and writes them. Threads belong to the live organisation (a draft's are
// asked of it with its id), but are cached under the page's organisation, whose event stream announces them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCommentTarget } from "@/lib/validation/comments";
import { callApi, type TResponse } from "./api";
import { queryKeys } from "./query-keys";

export type TCommentThread = TResponse<"GET /api/v1/orgs/{orgSlug}/comments">["threads"][number];
export type TComment = TCommentThread["comments"][number];
export type TMember = TResponse<"GET /api/v1/orgs/{orgSlug}/members">["members"][number];

/** Where a page's comments are: the page's organisation (for the cache) and the live organisation (for the API). */
export type TCommentsPlace = { orgId: string; liveSlug: string };

/** The threads of a team and/or a draft, newest activity first; reloaded when the event stream says one changed. */
export function useComments(
  { orgId, liveSlug }: TCommentsPlace,
  filter: { teamId?: string; draftId?: string },
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: queryKeys.comments(orgId, filter),
    queryFn: async () =>
      (await callApi("GET /api/v1/orgs/{orgSlug}/comments", { params: { orgSlug: liveSlug }, query: filter })).threads,
    enabled,
  });
}

/**
 * Starting a thread, replying, editing and deleting one's own comment, resolving and reopening a thread. Each success
 * reloads the threads on screen (others' tabs hear it from the event stream).
 */
export function useCommentMutations({ orgId, liveSlug }: TCommentsPlace) {
  const queryClient = useQueryClient();
  const params = { orgSlug: liveSlug };
  const reload = () => queryClient.invalidateQueries({ queryKey: queryKeys.comments(orgId) });
  const start = useMutation({
    mutationFn: ({ target, body }: { target: TCommentTarget; body: string }) =>
      callApi("POST /api/v1/orgs/{orgSlug}/comments", { params, body: { target, body } }),
    onSuccess: reload,
  });
  const reply = useMutation({
    mutationFn: ({ threadId, body }: { threadId: string; body: string }) =>
      callApi("POST /api/v1/orgs/{orgSlug}/comments", { params, body: { threadId, body } }),
    onSuccess: reload,
  });
  const edit = useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
      callApi("PATCH /api/v1/orgs/{orgSlug}/comments/{commentId}", {
        params: { ...params, commentId },
        body: { body },
      }),
    onSuccess: reload,
  });
  const remove = useMutation({
    mutationFn: (commentId: string) =>
      callApi("DELETE /api/v1/orgs/{orgSlug}/comments/{commentId}", { params: { ...params, commentId } }),
    onSuccess: reload,
  });
  const setResolved = useMutation({
    mutationFn: ({ commentId, isResolved }: { commentId: string; isResolved: boolean }) =>
      isResolved
        ? callApi("POST /api/v1/orgs/{orgSlug}/comments/{commentId}/resolve", { params: { ...params, commentId } })
        : callApi("POST /api/v1/orgs/{orgSlug}/comments/{commentId}/reopen", { params: { ...params, commentId } }),
    onSuccess: reload,
  });
  return { start, reply, edit, remove, setResolved };
}

/** The live organisation's members, whom a comment can mention: loaded when first asked for. */
export function useMembers({ orgId, liveSlug }: TCommentsPlace, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.members(orgId),
    queryFn: async () =>
      (await callApi("GET /api/v1/orgs/{orgSlug}/members", { params: { orgSlug: liveSlug } })).members,
    enabled,
    staleTime: 60_000,
  });
}
