import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, requireUserActor } from "@/lib/server/auth/authorize";
import type { TPresence } from "@/lib/validation/presence";
import { announceNow } from "@/lib/server/kernel/run-write";

/** Tells the organisation's other browsers where this user is looking. Nothing is stored. */
export async function announcePresence({
  actor,
  orgSlug,
  clientId,
  path,
  focus,
  isHere,
}: { actor: TActor | null; orgSlug: string } & TPresence): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const user = requireUserActor(actor);
  await announceNow({
    type: "presence",
    organizationId: organization.id,
    clientId,
    user: { id: user.userId, name: user.name },
    path,
    focus,
    isHere,
    at: Date.now(),
  });
}
