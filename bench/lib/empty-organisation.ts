// An empty organisation made in-process, as the seed makes one, with a Manager API token: for the benchmarks that
// time what happens to a map from its import on.
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import type { TBenchUser } from "./organisations";

export async function createEmptyOrganisation(
  user: TBenchUser,
  slug: string,
): Promise<{ slug: string; token: string }> {
  const actor = { kind: "user", userId: user.id, email: user.email, name: user.name } as const;
  const organization = await createOrganization({ actor, name: slug, slug });
  const token = await createApiToken({ actor, orgSlug: organization.slug, name: "bench", role: "MANAGER" });
  return { slug: organization.slug, token: token.secret };
}
