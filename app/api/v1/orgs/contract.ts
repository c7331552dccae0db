import "server-only";
import { z } from "zod";
import { ZOrganizationSummary } from "@/lib/server/accounts/answers";
import { answer, conflict, defineOperation, wrap } from "@/lib/server/http/contract";
import { ZCreateOrganization } from "@/lib/validation/accounts";

export const GET = defineOperation({
  method: "GET",
  path: "/api/v1/orgs",
  tag: "Organisations",
  summary: "List the caller's organisations",
  description: "An API token sees only its own organisation.",
  access: "signed-in",
  responses: {
    200: answer(
      "The organisations, by name, with the caller's role.",
      wrap({ organizations: z.array(ZOrganizationSummary) }),
    ),
  },
});

export const POST = defineOperation({
  method: "POST",
  path: "/api/v1/orgs",
  tag: "Organisations",
  summary: "Create an organisation",
  description: "The caller becomes its Owner. It starts with the default duty catalogue and no teams.",
  access: "user",
  body: ZCreateOrganization,
  responses: {
    201: answer("The new organisation.", wrap({ organization: ZOrganizationSummary })),
    409: conflict("The slug is taken."),
  },
});
