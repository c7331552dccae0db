// Seeds the demo organisation, only into an empty database. Run by `npm start` on every start and by `npm run db:seed`.
import { db } from "@/lib/db";
import demo from "./demo-account.json";
import { createOrganization, createUser } from "./factories";

async function seed(): Promise<void> {
  const [users, organizations] = await Promise.all([db.user.count(), db.organization.count()]);
  if (users > 0 || organizations > 0) {
    console.log("seed: the database already has data; nothing to do.");
    return;
  }
  await db.$transaction(async (tx) => {
    const user = await createUser(tx, demo.user);
    await createOrganization(tx, { ...demo.organization, members: [{ userId: user.id, role: "OWNER" }] });
  });
  console.log(`seed: created the demo organisation "${demo.organization.name}" and its owner ${demo.user.email}.`);
}

seed()
  .catch((error: unknown) => {
    console.error("seed failed:", error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
