import "server-only";
import { db } from "@/lib/db";
import type { TSignIn } from "@/lib/validation/auth";
import { hashPassword, verifyPassword } from "./password";

export type TSessionUser = { id: string; email: string; name: string };

// Verified when the email is unknown, so that a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The user these credentials belong to, or null when the email or the password is wrong. */
export async function verifyCredentials({ email, password }: TSignIn): Promise<TSessionUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
