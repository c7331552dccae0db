import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { TSessionUser } from "./verify-credentials";

/** How long a sign-in lasts at most, whatever the browser does: 30 days, as Auth.js's cookie. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Records a new signed-in session for the user and answers its id, which the session cookie carries. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.userSession.create({
      data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    }),
  ]);
  return id;
}

/** The user of a session that is still open, or null when it ended (signed out, expired, account deleted). */
export async function sessionUser({
  userId,
  sessionId,
}: {
  userId: string;
  sessionId: string;
}): Promise<TSessionUser | null> {
  const session = await db.userSession.findFirst({
    where: { id: sessionId, userId, expiresAt: { gt: new Date() } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return session?.user ?? null;
}

/** Ends one session: its cookie no longer signs anyone in, wherever it was copied to. */
export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}
