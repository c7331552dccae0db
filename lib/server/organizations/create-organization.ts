import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor } from "@/lib/server/auth/authorize";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import type { TCreateOrganization } from "@/lib/validation/accounts";
import type { TOrganizationSummary } from "./list-organizations";

/** Creates an organisation whose Owner is the signed-in user. */
export async function createOrganization({
  actor,
  name,
  slug,
}: { actor: TActor | null } & TCreateOrganization): Promise<TOrganizationSummary> {
  const user = requireUserActor(actor);
  try {
    const organization = await db.organization.create({
      data: { name, slug, members: { create: { userId: user.userId, role: "OWNER" } } },
      select: { id: true, slug: true, name: true },
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
