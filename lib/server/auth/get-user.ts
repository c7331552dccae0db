import "server-only";
import { db } from "@/lib/db";
import type { TSessionUser } from "./verify-credentials";

/** The user behind a session, or null when the account no longer exists. */
export function getUser({ userId }: { userId: string }): Promise<TSessionUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}
