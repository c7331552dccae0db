// The live-update stream and presence, which the live provider (components/live) holds open.
import { apiUrl, callApi, operationUrl, type TBody } from "./api";

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
export function mapDownloadUrls(orgSlug: string): { json: string; csv: string } {
  return {
    json: apiUrl("GET /api/v1/orgs/{orgSlug}/map", { params: { orgSlug } }),
    csv: apiUrl("GET /api/v1/orgs/{orgSlug}/map.csv", { params: { orgSlug } }),
  };
}
