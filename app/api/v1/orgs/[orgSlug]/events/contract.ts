import "server-only";
import { defineOperation, ORG_PATH } from "@/lib/server/http/contract";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/events`,
  tag: "Live",
  summary: "Live events (Server-Sent Events)",
  description:
    "A stream that never ends: `ready` when it opens, then `change` for every committed change to the map " +
    "(`{ entity, ids, cell?, actor, at }`, where `cell` carries a cell's new level and version) and `presence` for " +
    "who is looking where; `plan_progress` (`{ requestId, stage, seconds, gap }`) only to whoever asked for a plan " +
    "with that `progressId`. Authorisation is checked again every 10 s; a removed member gets `revoked` and the stream " +
    "closes. After a drop, reconnect and fetch `state` again.",
  access: "read",
  responses: { 200: { description: "The event stream.", mediaType: "text/event-stream" } },
});
