"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi, type TBody, type TResponse } from "./api";
import { queryKeys } from "./query-keys";

export type TInbox = TResponse<"GET /api/v1/notifications">;
export type TInboxItem = TInbox["notifications"][number];
export type TNotificationSettings = TResponse<"GET /api/v1/me/notification-settings">;

/** How many notifications the inbox (and the bell) loads. */
const INBOX_PAGE = 50;
/**
 * While a page is open, the inbox is fetched again this often: notifications of an organisation other than the one on
 * screen (and every one on pages without an organisation's event stream) arrive so.
 */
const INBOX_REFRESH_MS = 60_000;

/**
 * The signed-in person's inbox, newest first, with the unread count; the live stream reloads it when one arrives.
 * `enabled: false` to not load it (yet).
 */
export function useInbox({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.notifications(),
    enabled,
    queryFn: () => callApi("GET /api/v1/notifications", { query: { limit: INBOX_PAGE } }),
    refetchInterval: INBOX_REFRESH_MS,
  });
}

/** Marks notifications read (by id, or all): at once on screen, rolled back if the server refuses. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const key = queryKeys.notifications();
  return useMutation({
    mutationFn: (body: TBody<"POST /api/v1/notifications/read">) =>
      callApi("POST /api/v1/notifications/read", { body }),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TInbox>(key);
      if (before) {
        const isMarked = (item: TInboxItem) =>
          item.readAt === null && (body.all === true || body.ids?.includes(item.id));
        const now = new Date().toISOString();
        const marked = before.notifications.filter(isMarked).length;
        queryClient.setQueryData<TInbox>(key, {
          ...before,
          notifications: before.notifications.map((item) => (isMarked(item) ? { ...item, readAt: now } : item)),
          unread: body.all ? 0 : Math.max(0, before.unread - marked),
        });
      }
      return { before };
    },
    onError: (_error, _body, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useNotificationSettings(initial: TNotificationSettings) {
  return useQuery({
    queryKey: queryKeys.notificationSettings(),
    queryFn: () => callApi("GET /api/v1/me/notification-settings"),
    initialData: initial,
  });
}

/** Changes how kinds of notification are emailed; the answer is the settings now. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody<"PATCH /api/v1/me/notification-settings">) =>
      callApi("PATCH /api/v1/me/notification-settings", { body }),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.notificationSettings(), settings),
  });
}
