import "server-only";
import { db } from "@/lib/db";
import { createDefaultDuties } from "@/lib/domain/duty-catalogue";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor, type TOrganizationSummary } from "@/lib/server/auth/authorize";
import { createId } from "@/lib/server/kernel/create-id";
import { setJournalContext } from "@/lib/server/kernel/journal-context";
import { isUniqueViolation } from "@/lib/server/kernel/prisma-errors";
import type { TCreateOrganization } from "@/lib/validation/accounts";

/** Creates an organisation whose Owner is the signed-in user, with the default duty catalogue. */
export async function createOrganization({
  actor,
  name,
  slug,
}: { actor: TActor | null } & TCreateOrganization): Promise<TOrganizationSummary> {
  const user = requireUserActor(actor);
  try {
    // One transaction: the organisation never exists without its catalogue, whose duties the journal records.
    const organization = await db.$transaction(async (tx) => {
      await setJournalContext(tx, { actor: user, action: "organization.create" });
      return tx.organization.create({
        data: {
          name,
          slug,
          members: { create: { userId: user.userId, role: "OWNER" } },
          duties: { create: createDefaultDuties(createId) },
        },
        select: { id: true, slug: true, name: true },
      });
    });
    return { ...organization, role: "OWNER" };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This address is taken.", {
        slug: [`Another organisation already uses "${slug}"; choose another address.`],
      });
    }
    throw error;
  }
}
