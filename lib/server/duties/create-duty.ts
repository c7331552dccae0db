import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { writeMap } from "@/lib/server/kernel/map-write";
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
  return writeMap(
    { actor, orgSlug, action: "duty.create", entity: "duty", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const dutyKey = await chooseKey(tx, "duty", { organizationId }, { name, requested: key });
      const last = await tx.duty.aggregate({ where: { organizationId }, _max: { order: true } });
      const duty = await tx.duty.create({
        data: { organizationId, key: dutyKey, name, description, required, order: (last._max.order ?? -1) + 1 },
        select: DUTY_VIEW_SELECT,
      });
      return toDutyView(duty);
    },
  );
}
