import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/server/auth/password";
import type { TSessionUser } from "@/lib/server/auth/verify-credentials";
import { isUniqueViolation } from "@/lib/server/kernel/prisma-errors";
import { SIGN_UPS } from "@/lib/server/auth/rate-limit/limits";
import { consumeRateLimit } from "@/lib/server/auth/rate-limit/rate-limit";
import type { TSignUp } from "@/lib/validation/accounts";

const EMAIL_TAKEN = new AppError("conflict", "An account with this email already exists.", {
  email: ["An account with this email already exists. Sign in instead, or use another email."],
});

/**
 * Creates an account with a password. The email (already lower-cased by ZSignUp) must be free. Rate limited per
 * network address (`ip`), so that nobody mass-creates accounts.
 */
export async function signUp({ name, email, password, ip }: TSignUp & { ip: string }): Promise<TSessionUser> {
  await consumeRateLimit(SIGN_UPS, [`ip:${ip}`], "Too many accounts were created from this network.");
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw EMAIL_TAKEN;
  try {
    return await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups with the same email at once: the database's unique index decides.
    if (isUniqueViolation(error)) throw EMAIL_TAKEN;
    throw error;
  }
}
