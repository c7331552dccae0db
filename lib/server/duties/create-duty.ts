import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import type { TCreateDuty } from "@/lib/validation/duties";
import { DUTY_VIEW_SELECT, toDutyView, type TDutyView } from "./duty-view";

/** Adds a duty at the end of the catalogue. The key is made from the name unless given. */
export async function createDuty({
  actor,
  orgSlug,
  name,
  key,
  description,
  required,
}: { actor: TActor | null; orgSlug: string } & TCreateDuty): Promise<TDutyView> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "duty.create" },
      async (tx) => {
        const dutyKey = await chooseKey({
          kind: "duty",
          name,
          requested: key,
          keysStartingWith: async (prefix) =>
            (
              await tx.duty.findMany({ where: { organizationId, key: { startsWith: prefix } }, select: { key: true } })
            ).map((duty) => duty.key),
        });
        const last = await tx.duty.aggregate({ where: { organizationId }, _max: { order: true } });
        const duty = await tx.duty.create({
          data: { organizationId, key: dutyKey, name, description, required, order: (last._max.order ?? -1) + 1 },
          select: DUTY_VIEW_SELECT,
        });
        return toDutyView(duty);
      },
      changeOf(organization.id, author, "duty"),
    ),
  );
}
