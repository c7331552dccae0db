import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import { findPerson } from "@/lib/server/people/find-person";
import { findTeam } from "@/lib/server/kernel/find-map-row";
import type { TCreateSlot } from "@/lib/validation/slots";
import { SLOT_VIEW_SELECT, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";

/** Adds a slot after the team's others. The key is made from the title, or else the role, unless given. */
export async function createSlot({
  actor,
  orgSlug,
  teamId,
  role,
  key,
  title,
  holderId,
  allocation,
}: { actor: TActor | null; orgSlug: string; teamId: string } & TCreateSlot): Promise<TSlotView> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "slot.create" },
      async (tx) => {
        const team = await findTeam(tx, { organizationId, ref: teamId });
        const holder = holderId ? await findPerson(tx, { organizationId, ref: holderId, field: "holderId" }) : null;
        const slotKey = await chooseKey({
          kind: "slot",
          name: title ?? role,
          requested: key,
          keysStartingWith: async (prefix) =>
            (
              await tx.slot.findMany({
                where: { teamId: team.id, organizationId, key: { startsWith: prefix } },
                select: { key: true },
              })
            ).map((slot) => slot.key),
        });
        const last = await tx.slot.aggregate({ where: { teamId: team.id, organizationId }, _max: { order: true } });
        const slot = await tx.slot.create({
          data: {
            organizationId,
            teamId: team.id,
            key: slotKey,
            role,
            title: title ?? null,
            holderId: holder?.id ?? null,
            allocation,
            order: (last._max.order ?? -1) + 1,
          },
          select: SLOT_VIEW_SELECT,
        });
        return toSlotView(slot);
      },
      changeOf(organization.id, author, "slot"),
    ),
  );
}
