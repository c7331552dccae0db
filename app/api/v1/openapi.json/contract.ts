import "server-only";
import { defineOperation } from "@/lib/server/http/contract";

export const GET = defineOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "API",
  summary: "This OpenAPI document",
  access: "anyone",
  responses: { 200: { description: "OpenAPI 3.1.", mediaType: "application/json" } },
});
