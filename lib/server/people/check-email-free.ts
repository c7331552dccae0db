import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** 409 with a field error when another person of the organisation has this email. */
export async function checkEmailFree(
  client: Prisma.TransactionClient,
  { organizationId, email, personId }: { organizationId: string; email: string; personId?: string },
): Promise<void> {
  const other = await client.person.findFirst({
    where: { organizationId, email, ...(personId ? { id: { not: personId } } : {}) },
    select: { name: true },
  });
  if (other) {
    const message = `${other.name} already has the email "${email}". Give each person their own email, or leave it out.`;
    throw new AppError("conflict", message, { email: [message] });
  }
}
