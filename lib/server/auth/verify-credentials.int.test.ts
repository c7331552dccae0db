import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ZSignIn } from "@/lib/validation/auth";
import { createUser } from "@/prisma/factories";
import { verifyCredentials } from "./verify-credentials";

const password = "a long and unguessable passphrase";

function uniqueEmail() {
  return `Mixed.Case-${randomBytes(6).toString("hex")}@Example.test`;
}

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const email = uniqueEmail();
    const user = await createUser(db, { email, password, name: "Casey" });
    const credentials = ZSignIn.parse({ email: email.toUpperCase(), password });
    expect(await verifyCredentials(credentials)).toEqual({ id: user.id, email: email.toLowerCase(), name: "Casey" });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const email = uniqueEmail();
    await createUser(db, { email, password });
    expect(await verifyCredentials(ZSignIn.parse({ email, password: `${password}!` }))).toBeNull();
    expect(await verifyCredentials(ZSignIn.parse({ email: uniqueEmail(), password }))).toBeNull();
  });

  it("stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    const user = await createUser(db, { email, password });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);
  });
});
