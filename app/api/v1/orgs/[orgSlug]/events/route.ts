import { handle } from "@/lib/server/http/api-route";
import { openEventStream } from "@/lib/server/live/open-event-stream";
import * as contract from "./contract";

// A long-lived stream: Node.js runtime, never cached, never buffered or compressed on the way.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handle(contract.GET)(async ({ request, actor, params }) => ({
  status: 200,
  body: await openEventStream({ actor, orgSlug: params.orgSlug, signal: request.signal }),
  headers: {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  },
}));
