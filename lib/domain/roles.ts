/** An organisation member's role. Owners do everything; Managers edit the map; Viewers read. */
export type TRole = "OWNER" | "MANAGER" | "VIEWER";

export const ROLES: readonly TRole[] = ["OWNER", "MANAGER", "VIEWER"];

/** What a caller may do within one organisation. */
export type TPermission =
  | "read" // see the organisation and its map
  | "edit_map" // teams, people, slots, duties, assignments, imports
  | "manage_members" // members, roles, invitations
  | "manage_tokens" // API tokens
  | "manage_webhooks" // webhook endpoints and their deliveries
  | "manage_settings" // the organisation's settings (review of drafts, comments)
  | "delete_organization";

const RANK: Record<TRole, number> = { VIEWER: 0, MANAGER: 1, OWNER: 2 };

const MINIMUM_ROLE: Record<TPermission, TRole> = {
  read: "VIEWER",
  edit_map: "MANAGER",
  manage_members: "OWNER",
  manage_tokens: "OWNER",
  manage_webhooks: "OWNER",
  manage_settings: "OWNER",
  delete_organization: "OWNER",
};

export function can(role: TRole, permission: TPermission): boolean {
  return RANK[role] >= RANK[MINIMUM_ROLE[permission]];
}

export const ROLE_LABELS: Record<TRole, string> = { OWNER: "Owner", MANAGER: "Manager", VIEWER: "Viewer" };

/**
 * Whether changing or removing members leaves the organisation without an Owner.
 * `owners` are the current Owners' ids; `leaving` the ids that stop being Owners.
 */
export function wouldLeaveNoOwner(owners: readonly string[], leaving: readonly string[]): boolean {
  const leavingSet = new Set(leaving);
  return owners.every((id) => leavingSet.has(id));
}
