import "server-only";
import { findByAddress } from "@/lib/domain/page-paths";
import { rankSlotCandidates, type TSlotCandidates } from "@/lib/domain/slot-candidates";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { shownRef } from "@/lib/validation/map-fields";

/**
 * The people who could fill a slot (the team and the slot each by id or key), best fit first under the
 * organisation's rules (see `rankSlotCandidates`), judged against the live map's cached analysis.
 */
export async function listSlotCandidates({
  teamId,
  slotId,
  limit,
  ...call
}: TOrgCall & { teamId: string; slotId: string; limit: number }): Promise<TSlotCandidates> {
  const { organization } = await authorize({ ...call, permission: "read" });
  const { map, rules, analysis } = await readSnapshotAt(organization.id, undefined);
  const team = findByAddress(map.teams, teamId);
  if (!team)
    throw new AppError("not_found", `There is no team with the id or key "${shownRef(teamId)}" in this organisation.`);
  const slot = findByAddress(
    map.slots.filter((entry) => entry.teamId === team.id),
    slotId,
  );
  if (!slot)
    throw new AppError("not_found", `Team "${team.key}" has no slot with the id or key "${shownRef(slotId)}".`);
  return rankSlotCandidates(map, rules, slot.id, { analysis, limit })!;
}
