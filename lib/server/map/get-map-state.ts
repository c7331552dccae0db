import "server-only";
import type { TRemitMap } from "@/lib/domain/model";
import { teamSlice } from "@/lib/domain/team-view";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { mapSnapshots } from "./map-snapshot";

/**
 * The organisation's map with ids and versions, as the browser's screens work on it, and when it was read. With
 * `teamId` (an id or key), only what that team's page needs (see `teamSlice`): a small part of a large map.
 */
export async function getMapState({
  actor,
  orgSlug,
  teamId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId?: string;
}): Promise<{ map: TRemitMap; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map, loadedAt } = await mapSnapshots.read(organization.id);
  if (teamId === undefined) return { map, loadedAt };
  const team = map.teams.find((candidate) => candidate.id === teamId || candidate.key === teamId);
  const slice = team ? teamSlice(map, team.id) : null;
  if (!slice) throw new AppError("not_found", `There is no team with the id or key "${teamId}" in this organisation.`);
  return { map: slice, loadedAt };
}
