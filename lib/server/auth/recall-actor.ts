import "server-only";
import { db } from "@/lib/db";
import { type TActor, userActor } from "./actor";

/**
 * The actor who did something earlier (scheduled a publish), as they are now, to act as them later: a user who
 * still exists, or an API token not revoked since. Null when they are gone. What they may do is then asked of
 * authorize(), as for a request.
 */
export async function recallActor(ref: { kind: "user" | "token"; id: string }): Promise<TActor | null> {
  if (ref.kind === "user") {
    const user = await db.user.findUnique({ where: { id: ref.id }, select: { id: true, email: true, name: true } });
    return user && userActor(user);
  }
  const token = await db.apiToken.findFirst({
    where: { id: ref.id, revokedAt: null },
    select: { id: true, name: true, role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return (
    token && {
      kind: "token",
      tokenId: token.id,
      organizationId: token.organization.id,
      organization: token.organization,
      role: token.role,
      name: token.name,
    }
  );
}
