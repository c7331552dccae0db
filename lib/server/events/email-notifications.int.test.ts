// Notifications by email, against a real SMTP server started here (SMTP_URL set before the app's configuration is
// read): one at once, several gathered in the daily digest, nothing for a kind turned off.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { userActor } from "@/lib/server/auth/actor";
import { createComment } from "@/lib/server/comments/create-comment";
import { importMap } from "@/lib/server/map/import-map";
import { runDueJobs } from "@/lib/server/jobs/start-job-worker";
import { createTeam } from "@/lib/server/teams/create-team";
import { createOrganization, createUser } from "@/prisma/factories";
import { emailDigest, emailNotification } from "./email-notifications";
import { emitFlagEvents } from "./flag-events";
import { notifyRecipients } from "./notify-recipients";

const smtp = await vi.hoisted(async () => {
  const { startTestSmtp } = await import("@/lib/server/testing/smtp");
  const server = await startTestSmtp();
  process.env.SMTP_URL = server.url;
  process.env.SMTP_FROM = "Remit Test <remit@example.test>";
  return server;
});

afterAll(() => smtp.close());

/** A mail to someone else, sent and received: proves the server had time to receive anything sent before it. */
async function markerMailReceived() {
  const other = await setUp();
  await other.mention("a marker");
  const [marker] = await other.fanOut();
  await emailNotification.run({ notificationId: marker!.id });
  await smtp.waitFor(other.reader.email);
}

async function setUp() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const writer = await createUser(db, { name: `Wanda Writer ${suffix}` });
  const reader = await createUser(db, { name: `Rudi <b>Reader</b> ${suffix}` });
  const org = await createOrganization(db, {
    name: "Mail Org",
    members: [
      { userId: writer.id, role: "MANAGER" },
      { userId: reader.id, role: "VIEWER" },
    ],
  });
  const team = await createTeam({ actor: userActor(writer), orgSlug: org.slug, name: "Payments" });
  const mention = (body: string) =>
    createComment({
      actor: userActor(writer),
      orgSlug: org.slug,
      target: { kind: "team", teamId: team.id },
      body: `@${reader.email} ${body}`,
    });
  /** Fans out the organisation's events, and answers the notifications made for the reader. */
  const fanOut = async () => {
    const events = await db.event.findMany({ where: { organizationId: org.id }, select: { id: true } });
    for (const event of events) await notifyRecipients.run({ eventId: event.id });
    return db.notification.findMany({ where: { userId: reader.id }, orderBy: { createdAt: "asc" } });
  };
  /** The email jobs queued for the reader, by task. */
  const queued = async () =>
    db.$queryRaw<{ task: string; key: string; run_at: Date }[]>`
      SELECT t.identifier AS task, j.key, j.run_at FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE j.key = ${`digest:${reader.id}`} OR j.payload->>'notificationId' IN (
        SELECT id FROM notification WHERE user_id = ${reader.id})`;
  return { writer, reader, org, team, mention, fanOut, queued };
}

describe("notification emails", () => {
  it("send a mention at once, in plain text with its link, and escaped HTML", async () => {
    const world = await setUp();
    await world.mention("<script>alert(1)</script> can you own Payments?");
    const [notification] = await world.fanOut();
    expect((await world.queued()).map((job) => job.task)).toEqual(["notifications.email"]);
    await emailNotification.run({ notificationId: notification!.id });

    const mail = await smtp.waitFor(world.reader.email);
    expect(mail.from?.text).toBe('"Remit Test" <remit@example.test>');
    const sentence = `${world.writer.name} mentioned ${world.reader.name} on team “Payments”: “@${world.reader.email} <script>alert(1)</script> can you own Payments?”`;
    // The subject is the sentence, cut to one short line; the body has it whole.
    expect(mail.subject).toMatch(/^\[Remit\] Wanda Writer .* mentioned Rudi <b>Reader<\/b> .* on team “Payments”: “@/);
    expect(mail.text).toContain(sentence);
    expect(mail.text).toContain(`http://localhost:3000/${world.org.slug}/teams/${world.team.id}`);
    expect(mail.text).toContain("Mail Org");
    expect(mail.text).toContain("/notifications/settings");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>Reader");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain(`href="http://localhost:3000/${world.org.slug}/teams/${world.team.id}"`);

    // Sent once: a second run of the job (the queue runs jobs at least once) sends nothing more.
    await emailNotification.run({ notificationId: notification!.id });
    expect(smtp.mailsTo(world.reader.email)).toHaveLength(1);
  });

  it("gather the day's notifications of a kind set to daily into one digest", async () => {
    const world = await setUp();
    await db.notificationSetting.create({ data: { userId: world.reader.id, kind: "mention", email: "daily" } });
    await world.mention("first");
    await world.mention("second");
    await world.mention("third");
    const notifications = await world.fanOut();
    expect(notifications).toHaveLength(3);
    // One digest job for the reader, at the next digest hour, and no mail at once.
    const jobs = await world.queued();
    expect(jobs.map((job) => job.task)).toEqual(["notifications.digest"]);
    expect(jobs[0]!.run_at.getUTCHours()).toBe(7);
    expect(jobs[0]!.run_at.getTime()).toBeGreaterThan(Date.now());

    await emailDigest.run({ userId: world.reader.id });
    const mail = await smtp.waitFor(world.reader.email, /digest/);
    expect(mail.subject).toBe("[Remit] Your daily digest: 3 notifications");
    const text = mail.text ?? "";
    expect(text.indexOf("first")).toBeLessThan(text.indexOf("second"));
    expect(text.indexOf("second")).toBeLessThan(text.indexOf("third"));
    expect(text.match(new RegExp(`/${world.org.slug}/teams/${world.team.id}`, "g"))).toHaveLength(3);

    // Gathered once: the next digest has nothing to send.
    await emailDigest.run({ userId: world.reader.id });
    expect(smtp.mailsTo(world.reader.email)).toHaveLength(1);
  });

  it("put a change with many flags in the digest as one line, and leave it out when its kind is off", async () => {
    const world = await setUp();
    // Flags reach Managers and Owners: the reader becomes one; the writer's team is judged first, flag by flag.
    await db.membership.updateMany({ where: { userId: world.reader.id }, data: { role: "MANAGER" } });
    await emitFlagEvents.run({ organizationId: world.org.id });
    await runDueJobs();
    const teamFlags = await db.notification.count({ where: { userId: world.reader.id } });
    // An import of 20 generated teams by the writer, its flags judged and fanned out.
    const importTeams = async (seed: number) => {
      await importMap({
        actor: userActor(world.writer),
        orgSlug: world.org.slug,
        input: mapToDocument(generateMap({ teams: 20, seed })),
      });
      await emitFlagEvents.run({ organizationId: world.org.id });
      await runDueJobs();
    };
    await importTeams(3);
    const kinds = (await db.notification.findMany({ where: { userId: world.reader.id }, select: { kind: true } })).map(
      (notification) => notification.kind,
    );
    expect(kinds.filter((kind) => kind === "flag.summary")).toHaveLength(1);
    expect(kinds).toHaveLength(teamFlags + 1);
    expect((await world.queued()).map((job) => job.task)).toEqual(["notifications.digest"]);

    await emailDigest.run({ userId: world.reader.id });
    const mail = await smtp.waitFor(world.reader.email, /digest/);
    expect(mail.subject).toBe(`[Remit] Your daily digest: ${teamFlags + 1} notifications`);
    expect(mail.text).toMatch(new RegExp(`${world.writer.name} imported a map: \\d+ flags raised`));

    // Turned off: the next change's summary stays in the inbox and out of the mail.
    await db.notificationSetting.create({ data: { userId: world.reader.id, kind: "flag.summary", email: "off" } });
    await importTeams(4);
    expect(await db.notification.count({ where: { userId: world.reader.id, kind: "flag.summary" } })).toBe(2);
    await emailDigest.run({ userId: world.reader.id });
    await markerMailReceived();
    expect(smtp.mailsTo(world.reader.email)).toHaveLength(1);
  });

  it("send nothing for a kind turned off, even one already queued", async () => {
    const world = await setUp();
    await world.mention("queued before the change");
    const [queuedBefore] = await world.fanOut();
    await db.notificationSetting.create({ data: { userId: world.reader.id, kind: "mention", email: "off" } });
    await world.mention("after the change");
    const notifications = await world.fanOut();
    expect(notifications).toHaveLength(2);
    expect((await world.queued()).map((job) => job.task)).toEqual(["notifications.email"]);
    await emailNotification.run({ notificationId: queuedBefore!.id });
    await emailDigest.run({ userId: world.reader.id });
    await markerMailReceived();
    expect(smtp.mailsTo(world.reader.email)).toEqual([]);
  });

  it("fail so that the queue tries again when the SMTP server refuses", async () => {
    const world = await setUp();
    await world.mention("retry me");
    const [notification] = await world.fanOut();
    const url = process.env.SMTP_URL;
    // A port where nothing listens (the test server's, closed, would do too; this one is never opened).
    const { getEnv } = await import("@/lib/env");
    const env = getEnv();
    env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      await expect(emailNotification.run({ notificationId: notification!.id })).rejects.toThrow();
    } finally {
      env.SMTP_URL = url;
    }
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification!.id } })).emailedAt).toBeNull();
    await emailNotification.run({ notificationId: notification!.id });
    await smtp.waitFor(world.reader.email);
  });
});
