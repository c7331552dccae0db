import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { SIGN_IN_FAILURES } from "@/lib/server/auth/rate-limit/limits";
import { signInWithPassword } from "./sign-in-with-password";

const password = "the right long passphrase";
const uniqueIp = () => `198.51.100.${randomBytes(2).readUInt16BE(0)}`;

async function failTimes(count: number, email: string, ip: string) {
  for (let attempt = 0; attempt < count; attempt++) {
    await expect(signInWithPassword({ email, password: "wrong password", ip })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  }
}

describe("signInWithPassword", () => {
  it(`locks an account after ${SIGN_IN_FAILURES.limit} failures, even for the right password, and says when to retry`, async () => {
    const user = await createUser(db, { password });
    await failTimes(SIGN_IN_FAILURES.limit, user.email, uniqueIp());
    const attempt = signInWithPassword({ email: user.email, password, ip: uniqueIp() });
    await expect(attempt).rejects.toMatchObject({ code: "rate_limited" });
    const error = (await attempt.catch((caught: unknown) => caught)) as { retryAfterSeconds: number };
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_FAILURES.windowMs / 1000);
  });

  it("limits one network address across accounts", async () => {
    const ip = uniqueIp();
    const victims = await Promise.all([createUser(db, { password }), createUser(db, { password })]);
    await failTimes(SIGN_IN_FAILURES.limit / 2, victims[0]!.email, ip);
    await failTimes(SIGN_IN_FAILURES.limit / 2, victims[1]!.email, ip);
    const third = await createUser(db, { password });
    await expect(signInWithPassword({ email: third.email, password, ip })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(signInWithPassword({ email: third.email, password, ip: uniqueIp() })).resolves.toMatchObject({
      id: third.id,
    });
  });

  it("forgives an account's earlier failures after a successful sign-in", async () => {
    const user = await createUser(db, { password });
    await failTimes(SIGN_IN_FAILURES.limit - 1, user.email, uniqueIp());
    await signInWithPassword({ email: user.email, password, ip: uniqueIp() });
    await failTimes(SIGN_IN_FAILURES.limit - 1, user.email, uniqueIp());
    await expect(signInWithPassword({ email: user.email, password, ip: uniqueIp() })).resolves.toMatchObject({
      id: user.id,
    });
  });
});
