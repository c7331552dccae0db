// The live-update stream and presence, which the live provider (components/live) holds open, and what a change
// another tab made does to this tab's cache.
import type { QueryClient } from "@tanstack/react-query";
import type { TChangeEvent } from "@/lib/domain/live-event";
import { sliceHoldsCell } from "@/lib/domain/map-slice";
import { cellVersion, withCell } from "@/lib/domain/team-view";
import { apiUrl, callApi, operationUrl, type TBody } from "./api";
import type { TMapState } from "./queries";
import { queryKeys, scopeOf } from "./query-keys";

/** A burst of changes (someone applying a split, a colleague typing levels) reloads the overview once. */
const SERVER_VIEW_RELOAD_AFTER_MS = 300;

/** The URL of the organisation's event stream, for an EventSource. */
export function eventsUrl(orgSlug: string): string {
  return apiUrl("GET /api/v1/orgs/{orgSlug}/events", { params: { orgSlug } });
}

/**
 * Says where this tab is looking; never fails (presence is best effort). Leaving is sent as a beacon where the
 * browser has one, since it must outlive the page.
 */
export function sendPresence(orgSlug: string, presence: TBody<"POST /api/v1/orgs/{orgSlug}/presence">): void {
  if (presence.isHere === false && typeof navigator !== "undefined" && navigator.sendBeacon) {
    const url = operationUrl("POST /api/v1/orgs/{orgSlug}/presence", { orgSlug });
    navigator.sendBeacon(url, new Blob([JSON.stringify(presence)], { type: "application/json" }));
    return;
  }
  void callApi("POST /api/v1/orgs/{orgSlug}/presence", { params: { orgSlug }, body: presence }).catch(() => undefined);
}

/** Where the map can be downloaded: the remit.map/v1 JSON document and the assignments as CSV. */
export function mapDownloadUrls(orgSlug: string): { json: string; csv: string; xlsx: string; report: string } {
  return {
    json: apiUrl("GET /api/v1/orgs/{orgSlug}/map", { params: { orgSlug } }),
    csv: apiUrl("GET /api/v1/orgs/{orgSlug}/map.csv", { params: { orgSlug } }),
    xlsx: apiUrl("GET /api/v1/orgs/{orgSlug}/map.xlsx", { params: { orgSlug } }),
    /** At a draft's slug, the report says what the draft changes. */
    report: apiUrl("GET /api/v1/orgs/{orgSlug}/report.pdf", { params: { orgSlug } }),
  };
}

/**
 * Keeps this tab's cache in step with the changes the event stream announces: a cell is written into every cached
 * part of the map that holds it; any other change reloads the map; the overview, the structure, the journal and the health
 * history (computed by the server) reload a moment later, if on screen. `stop` when the stream closes.
 */
export function watchLiveChanges(queryClient: QueryClient, orgId: string) {
  const key = queryKeys.map(orgId);

  // While this tab has writes on their way, a reload would show the server without them and undo what the user
  // sees; reload once they have all settled instead.
  let isReloadDeferred = false;
  const reload = () => {
    if (queryClient.isMutating() > 0) isReloadDeferred = true;
    else void queryClient.invalidateQueries({ queryKey: key });
  };
  const stopWatchingMutations = queryClient.getMutationCache().subscribe(() => {
    if (isReloadDeferred && queryClient.isMutating() === 0) {
      isReloadDeferred = false;
      void queryClient.invalidateQueries({ queryKey: key });
    }
  });

  // The overview and the journal are computed by the server, so any change means fetching them again (only if
  // on screen). One fetch at a time for each: changes that arrive during a fetch get one more after it.
  const serverViewTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const reloadServerView = (viewKey: readonly unknown[]) => {
    const id = JSON.stringify(viewKey);
    if (serverViewTimers.has(id)) return;
    serverViewTimers.set(
      id,
      setTimeout(() => {
        serverViewTimers.delete(id);
        if (queryClient.isFetching({ queryKey: viewKey }) > 0) reloadServerView(viewKey);
        else void queryClient.invalidateQueries({ queryKey: viewKey });
      }, SERVER_VIEW_RELOAD_AFTER_MS),
    );
  };
  const reloadServerViews = () => {
    reloadServerView(queryKeys.overview(orgId));
    reloadServerView(queryKeys.structure(orgId));
    reloadServerView(queryKeys.journal(orgId));
    reloadServerView(queryKeys.healthHistory(orgId));
    // The duty catalogue's counts are the server's, counted on the whole map: a cell changes them.
    reloadServerView(queryKeys.map(orgId, "duties"));
  };

  const apply = (event: TChangeEvent) => {
    reloadServerViews();
    // Our own changes come back too: their version is already in the cache, so they change nothing.
    const { cell } = event;
    if (!cell) return reload();
    // The whole map and each part of it that holds the cell (see queryKeys.map and sliceHoldsCell).
    for (const [queryKey, current] of queryClient.getQueriesData<TMapState>({ queryKey: key })) {
      if (!current || !sliceHoldsCell(scopeOf(queryKey), current.map, cell)) continue;
      if (cellVersion(current.map, cell.dutyId, cell.slotId) === cell.version) continue;
      queryClient.setQueryData<TMapState>(queryKey, { ...current, map: withCell(current.map, cell, cell.version) });
    }
    // A reload already on its way may have been read before this change; fetch again so it cannot undo it.
    if (queryClient.isFetching({ queryKey: key }) > 0) reload();
  };

  return {
    apply,
    /** After a dropped connection: fetch everything that may have been missed. */
    reloadAll: () => {
      reload();
      reloadServerViews();
    },
    stop: () => {
      stopWatchingMutations();
      for (const timer of serverViewTimers.values()) clearTimeout(timer);
    },
  };
}
