import { handle } from "@/lib/server/http/api-route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import * as contract from "./contract";

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => {
  await revokeApiToken({ actor, ...params });
  return { status: 204 };
});
