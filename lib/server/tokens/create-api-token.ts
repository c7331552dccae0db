import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, requireUserActor } from "@/lib/server/auth/authorize";
import { generateSecret, hashSecret } from "@/lib/server/auth/secrets";
import type { TCreateApiToken } from "@/lib/validation/accounts";
import type { TApiTokenSummary } from "./list-api-tokens";

const DISPLAYED_PREFIX_LENGTH = 14;

/** Creates an API token (Owners only). The secret is returned now and never again: only its hash is kept. */
export async function createApiToken({
  actor,
  orgSlug,
  name,
  role,
}: { actor: TActor | null; orgSlug: string } & TCreateApiToken): Promise<TApiTokenSummary & { secret: string }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_tokens" });
  const creator = requireUserActor(actor);
  const secret = generateSecret("remit_");
  const token = await db.apiToken.create({
    data: {
      organizationId: organization.id,
      name,
      role,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, DISPLAYED_PREFIX_LENGTH),
      createdById: creator.userId,
    },
    select: { id: true, name: true, role: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
  return { ...token, createdBy: creator.name, secret };
}
