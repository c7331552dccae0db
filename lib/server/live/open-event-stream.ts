import "server-only";
import { toAppError, type TErrorCode } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { assertApiTokenActive } from "@/lib/server/auth/verify-api-token";
import { liveBus } from "@/lib/server/kernel/live-bus";
import type { TLiveEvent } from "@/lib/domain/live-event";

// Often enough that proxies keep the connection open, and that a removed member is cut off within seconds.
const HEARTBEAT_MS = 10_000;
const ACCESS_REFUSED = new Set<TErrorCode>(["unauthenticated", "forbidden", "not_found"]);

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The organisation's live events as a Server-Sent Events stream, with the API's authorisation: checked when it
 * opens, at once when the caller's access is announced to have changed (a draft's stream hears its live
 * organisation's announcements), and again at every heartbeat.
 */
export async function openEventStream({
  actor,
  orgSlug,
  signal,
  heartbeatMs = HEARTBEAT_MS,
}: {
  actor: TActor | null;
  orgSlug: string;
  signal: AbortSignal;
  heartbeatMs?: number;
}): Promise<ReadableStream<Uint8Array>> {
  const { organization, draft } = await authorize({ actor, orgSlug, permission: "read" });
  const encoder = new TextEncoder();
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      const send = (text: string) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Whether the caller may still read: checked at every heartbeat, and at once when their access changes.
      const checkAccess = () =>
        (async () => {
          // authorize() trusts a token actor as verified; a stream outlives the request that verified it.
          if (actor?.kind === "token") await assertApiTokenActive(actor.tokenId);
          await authorize({ actor, orgSlug, permission: "read" });
        })().then(
          () => send(`: heartbeat ${Date.now()}\n\n`),
          (error: unknown) => {
            // Only a refusal means access is gone; the database being down (or any other failure) says nothing
            // about it: keep the stream and check again at the next heartbeat.
            if (!ACCESS_REFUSED.has(toAppError(error).code)) return send(`: heartbeat ${Date.now()}\n\n`);
            send(frame("revoked", { message: "You no longer have access to this organisation." }));
            close();
          },
        );
      const subject = actor?.kind === "user" ? actor.userId : actor?.kind === "token" ? actor.tokenId : null;
      // The caller's own events (access changed, notifications arrived) are the live organisation's, also on a
      // draft's stream: that is where members are removed, tokens revoked and inboxes filled.
      const onOwn = (event: TLiveEvent) => {
        if (event.type === "access" && event.subjectId === subject) void checkAccess();
        // Only the recipients hear of their notifications, and not who else got one.
        if (event.type === "notification" && subject !== null && event.userIds.includes(subject)) {
          send(frame("notification", { organizationId: event.organizationId, at: event.at }));
        }
        // A plan's progress reaches only the one who asked for it.
        if (event.type === "plan_progress" && event.subjectId === subject) {
          const { requestId, stage, seconds, gap } = event;
          send(frame("plan_progress", { requestId, stage, seconds, gap }));
        }
      };
      const unsubscribes = [
        await liveBus.subscribe(organization.id, (event: TLiveEvent) => {
          if (event.type !== "access" && event.type !== "notification" && event.type !== "plan_progress") {
            send(frame(event.type, event));
          } else onOwn(event);
        }),
      ];
      // A draft's access and notifications are its live organisation's: that is where members are removed, tokens
      // revoked and notifications announced. Its comments are the live organisation's too (announced there): the draft's own, and its cells', come through.
      if (draft) {
        unsubscribes.push(
          await liveBus.subscribe(draft.live.id, (event: TLiveEvent) => {
            if (event.type === "comment" && event.draftId === draft.id) send(frame(event.type, event));
            else onOwn(event);
          }),
        );
      }
      const heartbeat = setInterval(checkAccess, heartbeatMs);
      close = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        for (const unsubscribe of unsubscribes) unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", close);
      // A client gone while the stream was opening (its request aborted before the listener above was added): no
      // abort comes again, and nobody reads or cancels the stream. Left open, its subscription would stay, and every
      // later event of the organisation would be queued into it for as long as the process runs.
      if (signal.aborted) close();
      // Browsers wait this long before reconnecting by themselves; the client adds its own backoff.
      send(`retry: 2000\n\n`);
      send(frame("ready", { organizationId: organization.id, at: Date.now() }));
    },
    cancel() {
      close();
    },
  });
}
