import { setThreadResolved } from "@/lib/server/comments/resolve-thread";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params }) => ({
  status: 200,
  body: { thread: await setThreadResolved({ actor, ...params, isResolved: false }) },
}));
