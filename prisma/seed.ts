// Seeds the demo organisation, only into an empty database. Run by `npm start` on every start and by `npm run db:seed`.
import { db } from "@/lib/db";
import { replaceMap } from "@/lib/server/kernel/replace-map";
import { validateMapDocument } from "@/lib/validation/map";
import demo from "./demo-account.json";
import demoMap from "./demo-map.json";
import { createOrganization, createUser } from "./factories";

async function seed(): Promise<void> {
  const [users, organizations] = await Promise.all([db.user.count(), db.organization.count()]);
  if (users > 0 || organizations > 0) {
    console.log("seed: the database already has data; nothing to do.");
    return;
  }
  // The demo map goes through the same checks and the same write as an import through the API (PUT map).
  const map = validateMapDocument(demoMap);
  if (!map.ok) throw new Error(`prisma/demo-map.json is not a valid map: ${JSON.stringify(map.errors, null, 2)}`);
  const counts = await db.$transaction(async (tx) => {
    const user = await createUser(tx, demo.user);
    const organization = await createOrganization(tx, {
      ...demo.organization,
      members: [{ userId: user.id, role: "OWNER" }],
    });
    return replaceMap(tx, { organizationId: organization.id, document: map.document });
  });
  console.log(
    `seed: created the demo organisation "${demo.organization.name}" (${counts.teams} teams, ${counts.people} people, ` +
      `${counts.assignments} assignments) and its owner ${demo.user.email}.`,
  );
}

seed()
  .catch((error: unknown) => {
    console.error("seed failed:", error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
