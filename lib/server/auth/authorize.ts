import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db";
import { can, ROLE_LABELS, type TPermission, type TRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";

export type TOrgAccess = {
  actor: TActor;
  organization: { id: string; slug: string; name: string };
  role: TRole;
  /** When the address is a draft's workspace: the draft, and the live organisation it plans for. */
  draft?: TDraftContext;
};

/** An organisation as one of its members sees it: with their role there. */
export type TOrganizationSummary = { id: string; slug: string; name: string; role: TRole };

export type TDraftContext = {
  id: string;
  name: string;
  isPublished: boolean;
  live: { id: string; slug: string; name: string };
};

/** What a draft's workspace allows beyond the map: nothing (members and tokens are the live organisation's). */
const DRAFT_PERMISSIONS: readonly TPermission[] = ["read", "edit_map"];

const NOT_FOUND = "There is no organisation at this address, or you are not a member of it.";

const PERMISSION_NAMES: Record<TPermission, string> = {
  read: "see this organisation",
  edit_map: "change the responsibility map",
  manage_members: "manage members and invitations",
  manage_tokens: "manage API tokens",
  manage_webhooks: "manage webhooks",
  manage_settings: "change the organisation's settings",
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
  const access = await rememberedAccess(present, orgSlug);
  if (!access) throw new AppError("not_found", NOT_FOUND);
  if (access.draft && !DRAFT_PERMISSIONS.includes(permission)) {
    throw new AppError(
      "forbidden",
      `This is a draft of ${access.draft.live.name}; its members and API tokens are the live organisation's.`,
    );
  }
  if (access.draft?.isPublished && permission !== "read") {
    throw new AppError("forbidden", "This draft has been published; it is kept read-only for reference.");
  }
  if (!can(access.role, permission)) {
    throw new AppError(
      "forbidden",
      `As ${ROLE_LABELS[access.role]} of ${access.organization.name} you cannot ${PERMISSION_NAMES[permission]}. Ask an Owner.`,
    );
  }
  return access;
}

/** Who the actor is in the organisation at `orgSlug` (a member, or one of its draft's), or null. */
async function findAccess(actor: TActor, orgSlug: string): Promise<TOrgAccess | null> {
  let access: TOrgAccess | null = null;
  if (actor.kind === "token") {
    // A token works in its own organisation only, which came with it (one query less per API request).
    if (actor.organization.slug === orgSlug) {
      access = { actor, organization: actor.organization, role: actor.role };
    }
  } else {
    const membership = await db.membership.findFirst({
      where: { userId: actor.userId, organization: { slug: orgSlug } },
      select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    });
    if (membership) access = { actor, organization: membership.organization, role: membership.role };
  }
  return access ?? (await draftAccess(actor, orgSlug));
}

/**
 * The accesses found while one request is handled (see rememberingAccess), by actor and organisation: an API route
 * checks the caller before reading the body and its use case asks again, and the second answer is the first.
 */
type TRequestAccesses = { accesses: Map<string, Promise<TOrgAccess | null>>; isHandling: boolean };
const requestAccesses = new AsyncLocalStorage<TRequestAccesses>();

/**
 * Runs `work` (one request's handling) so that the gate looks up each actor's access to each organisation once. Only
 * accesses found are kept: a lookup that found none is made again, in case the request made the actor a member. The
 * memo ends with `work`: what it started and outlives it (an event stream's heartbeat, which inherits its context)
 * asks the gate afresh, or a member removed meanwhile would keep their stream.
 */
export async function rememberingAccess<T>(work: () => Promise<T>): Promise<T> {
  const memo: TRequestAccesses = { accesses: new Map(), isHandling: true };
  try {
    return await requestAccesses.run(memo, work);
  } finally {
    memo.isHandling = false;
    memo.accesses.clear();
  }
}

function rememberedAccess(actor: TActor, orgSlug: string): Promise<TOrgAccess | null> {
  const memo = requestAccesses.getStore();
  if (!memo?.isHandling) return findAccess(actor, orgSlug);
  const { accesses } = memo;
  const key = `${actor.kind === "token" ? `token:${actor.tokenId}` : `user:${actor.userId}`}\n${orgSlug}`;
  const known = accesses.get(key);
  if (known) return known;
  const found = findAccess(actor, orgSlug);
  accesses.set(key, found);
  const forget = () => void accesses.delete(key);
  found.then((access) => (access ? undefined : forget()), forget);
  return found;
}

/**
 * Access to a draft's workspace (see Organization.draftOfId): whoever belongs to the live organisation, with their
 * role there; an API token of the live organisation too. Only reached when the address is not an organisation the
 * caller belongs to, so ordinary requests pay nothing for it.
 */
async function draftAccess(actor: TActor, orgSlug: string): Promise<TOrgAccess | null> {
  const workspace = await db.organization.findUnique({
    where: { slug: orgSlug },
    select: {
      id: true,
      slug: true,
      name: true,
      draftOf: { select: { id: true, slug: true, name: true } },
      draft: { select: { id: true, name: true, publishedAt: true } },
    },
  });
  if (!workspace?.draftOf || !workspace.draft) return null;
  const live = workspace.draftOf;
  let role: TRole | null = null;
  if (actor.kind === "token") role = actor.organizationId === live.id ? actor.role : null;
  else {
    const membership = await db.membership.findUnique({
      where: { organizationId_userId: { organizationId: live.id, userId: actor.userId } },
      select: { role: true },
    });
    role = membership?.role ?? null;
  }
  if (!role) return null;
  const isPublished = workspace.draft.publishedAt !== null;
  return {
    actor,
    organization: { id: workspace.id, slug: workspace.slug, name: workspace.name },
    // A published draft is kept for reference: everyone reads it, nobody edits it (screens hide their controls).
    role: isPublished ? "VIEWER" : role,
    draft: {
      id: workspace.draft.id,
      name: workspace.draft.name,
      isPublished,
      live,
    },
  };
}
