// An empty organisation made in-process, as the seed makes one, with a Manager API token: for the benchmarks that
// time what happens to a map from its import on.
import { db } from "@/lib/db";
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

/**
 * Deletes organisations a part made only to time something (their map, journal and pending flag events go with
 * them), so that the work an import leaves behind (its flags' events and notifications) does not fall into the next
 * part's runs. One at a time, each tried again when it meets the app's flag job on the same rows (a deadlock or a
 * write conflict, which PostgreSQL resolves by failing one of the two). Answers how many there were.
 */
export async function dropOrganisations(slugs: readonly string[]): Promise<number> {
  let dropped = 0;
  for (const slug of slugs) {
    for (let attempt = 1; ; attempt++) {
      try {
        dropped += (await db.organization.deleteMany({ where: { slug } })).count;
        break;
      } catch (error) {
        if (attempt === 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
  return dropped;
}
