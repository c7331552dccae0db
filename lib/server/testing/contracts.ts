// The route contracts as integration tests look them up: by method and route file.
import { API_OPERATIONS } from "@/app/api/v1/contracts";

import { documentedAnswer, type TAnswer } from "@/lib/server/http/contract";

/** The documented answer of an operation, by method, route (`/api/v1/orgs/[orgSlug]/teams`) and status. */
export function documentedResponse(method: string, route: string, status: number): TAnswer | undefined {
  const path = route.replace(/\[(\w+)\]/g, "{$1}");
  const operation = API_OPERATIONS.find((candidate) => candidate.method === method && candidate.path === path);
  return operation && documentedAnswer(operation, status);
}
