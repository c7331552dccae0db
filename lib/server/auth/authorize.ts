import "server-only";
import { db } from "@/lib/db";
import { can, ROLE_LABELS, type TPermission, type TRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";

export type TOrgAccess = {
  actor: TActor;
  organization: { id: string; slug: string; name: string };
  role: TRole;
};

const NOT_FOUND = "There is no organisation at this address, or you are not a member of it.";

const PERMISSION_NAMES: Record<TPermission, string> = {
  read: "see this organisation",
  edit_map: "change the responsibility map",
  manage_members: "manage members and invitations",
  manage_tokens: "manage API tokens",
  delete_organization: "delete the organisation",
};

/** The actor signed in, or 401. */
export function requireActor(actor: TActor | null): TActor {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to do this.");
  return actor;
}

/** The signed-in user behind the actor; API tokens cannot act as a person (403). */
export function requireUserActor(actor: TActor | null): Extract<TActor, { kind: "user" }> {
  const present = requireActor(actor);
  if (present.kind !== "user") throw new AppError("forbidden", "API tokens cannot do this; sign in as a person.");
  return present;
}

/**
 * The one gate to an organisation: who the actor is there, or an error. Non-members (and tokens of other
 * organisations) get 404, exactly as for an organisation that does not exist, so slugs cannot be probed.
 */
export async function authorize({
  actor,
  orgSlug,
  permission,
}: {
  actor: TActor | null;
  orgSlug: string;
  permission: TPermission;
}): Promise<TOrgAccess> {
  const present = requireActor(actor);
  let access: TOrgAccess | null = null;
  if (present.kind === "token") {
    // A token works in its own organisation only, which came with it (one query less per API request).
    if (present.organization.slug === orgSlug) {
      access = { actor: present, organization: present.organization, role: present.role };
    }
  } else {
    const membership = await db.membership.findFirst({
      where: { userId: present.userId, organization: { slug: orgSlug } },
      select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    });
    if (membership) access = { actor: present, organization: membership.organization, role: membership.role };
  }
  if (!access) throw new AppError("not_found", NOT_FOUND);
  if (!can(access.role, permission)) {
    throw new AppError(
      "forbidden",
      `As ${ROLE_LABELS[access.role]} of ${access.organization.name} you cannot ${PERMISSION_NAMES[permission]}. Ask an Owner.`,
    );
  }
  return access;
}
