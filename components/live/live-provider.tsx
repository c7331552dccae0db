"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { eventsUrl, sendPresence as announcePresence, watchLiveChanges } from "@/lib/client/live";
import { queryKeys } from "@/lib/client/query-keys";
import { cellKey } from "@/lib/domain/team-view";
import type { TChangeEvent, TPresenceEvent } from "@/lib/domain/live-event";
import type { TPlanProgress } from "@/lib/domain/plan-model";

export type TLiveStatus = "connecting" | "live" | "reconnecting";
export type TPeer = {
  clientId: string;
  user: { id: string; name: string };
  path: string;
  focus: string | null;
  at: number;
};

/** What changes while the page is open: the connection's state and who else is here. */
type TLiveState = { status: TLiveStatus; peers: ReadonlyMap<string, TPeer> };

/**
 * The live state as a store that components subscribe to, rather than a context value: a context change reaches
 * every Suspense boundary below the provider, and one whose streamed HTML has not arrived yet is then rendered
 * again on the client, leaving the server's copy behind in the page.
 */
type TLiveStore = {
  get: () => TLiveState;
  update: (change: (state: TLiveState) => TLiveState) => void;
  subscribe: (listener: () => void) => () => void;
};

const INITIAL_STATE: TLiveState = { status: "connecting", peers: new Map() };

function createLiveStore(): TLiveStore {
  let state = INITIAL_STATE;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update: (change) => {
      const next = change(state);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Never changes while the provider is mounted. */
type TLiveContext = {
  clientId: string;
  store: TLiveStore;
  /** Who last changed a cell (by cellKey), from other browsers' events. */
  lastChangeBy: (dutyId: string, slotId: string) => string | null;
  reportFocus: (focus: string | null) => void;
};

const LiveContext = createContext<TLiveContext | null>(null);

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10000];
const PRESENCE_EVERY_MS = 4000;
const PRESENCE_EXPIRES_MS = 10000;

function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/**
 * Keeps this tab in sync with everyone else on the organisation: applies their changes to the react-query cache as
 * they are committed, tells them where this user is looking, and reconnects by itself (with backoff) after a network
 * drop or a server restart, fetching what it missed.
 */
export function LiveProvider({
  orgId,
  orgSlug,
  children,
}: {
  orgId: string;
  orgSlug: string;
  children: React.ReactNode;
}) {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const [clientId] = useState(newClientId);
  const [store] = useState(createLiveStore);
  const setStatus = useCallback((status: TLiveStatus) => store.update((state) => ({ ...state, status })), [store]);
  const setPeers = useCallback(
    (change: (peers: ReadonlyMap<string, TPeer>) => ReadonlyMap<string, TPeer>) =>
      store.update((state) => {
        const peers = change(state.peers);
        return peers === state.peers ? state : { ...state, peers };
      }),
    [store],
  );
  const changedBy = useRef(new Map<string, string>());
  const focusRef = useRef<string | null>(null);
  const pathRef = useRef(pathname);

  const sendPresence = useCallback(
    (isHere = true) => {
      announcePresence(orgSlug, { clientId, path: pathRef.current, focus: focusRef.current, isHere });
    },
    [clientId, orgSlug],
  );

  useEffect(() => {
    let source: EventSource | null = null;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let hasConnected = false;
    let isStopped = false;
    const cache = watchLiveChanges(queryClient, orgId);
    const onChange = (event: TChangeEvent) => {
      const { cell } = event;
      if (cell) changedBy.current.set(cellKey(cell.dutyId, cell.slotId), event.actor.name);
      cache.apply(event);
    };

    const onPresence = (event: TPresenceEvent) => {
      if (event.clientId === clientId) return;
      setPeers((current) => {
        const next = new Map(current);
        if (!event.isHere) next.delete(event.clientId);
        else {
          // Someone new: tell them about us at once rather than at our next heartbeat.
          if (!current.has(event.clientId)) setTimeout(() => sendPresence(), 0);
          next.set(event.clientId, { ...event });
        }
        return next;
      });
    };

    const connect = () => {
      source = new EventSource(eventsUrl(orgSlug));
      source.addEventListener("ready", () => {
        attempt = 0;
        setStatus("live");
        sendPresence();
        // After a drop, fetch what was missed while away.
        if (hasConnected) cache.reloadAll();
        hasConnected = true;
      });
      source.addEventListener("change", (message) => onChange(JSON.parse((message as MessageEvent<string>).data)));
      source.addEventListener("presence", (message) => onPresence(JSON.parse((message as MessageEvent<string>).data)));
      // A comment thread changed: whatever shows comments refetches them.
      source.addEventListener(
        "comment",
        () => void queryClient.invalidateQueries({ queryKey: queryKeys.comments(orgId) }),
      );
      // A notification reached this person's inbox: the bell and the inbox reload.
      source.addEventListener(
        "notification",
        () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
      );
      // A plan this person asked for moved on: whatever shows its progress sees it.
      source.addEventListener("plan_progress", (message) => {
        const progress = JSON.parse((message as MessageEvent<string>).data) as TPlanProgress & { requestId: string };
        queryClient.setQueryData(queryKeys.planProgress(progress.requestId), progress);
      });
      source.addEventListener("revoked", () => {
        isStopped = true;
        source?.close();
        window.location.reload();
      });
      source.onerror = () => {
        source?.close();
        if (isStopped) return;
        setStatus("reconnecting");
        retryTimer = setTimeout(connect, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]);
      };
    };
    connect();

    const heartbeat = setInterval(() => {
      sendPresence();
      const now = Date.now();
      setPeers((current) => {
        const next = new Map([...current].filter(([, peer]) => now - peer.at < PRESENCE_EXPIRES_MS));
        return next.size === current.size ? current : next;
      });
    }, PRESENCE_EVERY_MS);
    const onLeave = () => sendPresence(false);
    window.addEventListener("pagehide", onLeave);

    return () => {
      isStopped = true;
      cache.stop();
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      window.removeEventListener("pagehide", onLeave);
      source?.close();
    };
  }, [clientId, orgId, orgSlug, queryClient, sendPresence, setPeers, setStatus]);

  // Moving to another page is news for the others; the first page is announced once the stream is ready.
  useEffect(() => {
    if (pathRef.current === pathname) return;
    pathRef.current = pathname;
    focusRef.current = null;
    sendPresence();
  }, [pathname, sendPresence]);

  const reportFocus = useCallback(
    (focus: string | null) => {
      if (focusRef.current === focus) return;
      focusRef.current = focus;
      sendPresence();
    },
    [sendPresence],
  );

  const value = useMemo<TLiveContext>(
    () => ({
      clientId,
      store,
      lastChangeBy: (dutyId, slotId) => changedBy.current.get(cellKey(dutyId, slotId)) ?? null,
      reportFocus,
    }),
    [clientId, store, reportFocus],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): TLiveContext {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive must be used inside LiveProvider");
  return live;
}

/** The connection's state and the other people here, re-rendering only the components that ask for them. */
export function useLiveState(): TLiveState {
  const { store } = useLive();
  return useSyncExternalStore(store.subscribe, store.get, () => INITIAL_STATE);
}
