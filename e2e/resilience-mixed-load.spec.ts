// Issue 18's mixed load: publishes, imports with If-Match, undos and cell writes all at once for a minute,
// against a production server on PostgreSQL. Every accepted write is in the database (or was refused with a
// conflict), the journal matches the data, and nothing answers 500. Each kind of write works on teams of its own,
// so that none may legitimately overwrite another's: any cell found reverted was lost.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { callApi, expectJournalToMatchMap, type TApiAnswer } from "./fixtures/api-calls";
import { cellsOf, findLostWrites, startCellWriters } from "./fixtures/cell-writers";
import { startAppServer, UNREACHABLE_API_RATE_LIMIT } from "./fixtures/servers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "measured against PostgreSQL, as deployed");

/** Enough teams that a publish takes a while, so that cell writes land while it runs. */
const TEAMS = 160;
const DURATION_MS = 60_000;
const CELL_WRITERS = 4;
/** What each kind of request may answer besides success: a conflict, or "busy, try again" (never a 500). */
const REFUSALS: Record<string, number[]> = {
  "cell write": [409, 503],
  "create draft": [503],
  "rename in draft": [503],
  publish: [409, 503],
  export: [503],
  import: [412, 503],
  rename: [503],
  undo: [409, 503],
};

type TTeam = { id: string; key: string };

test("publishes, imports, undos and cell writes at once: nothing accepted is lost, the journal matches, no 500", async () => {
  test.setTimeout(180_000);
  const { owner, organization } = await createAccount({ role: "MANAGER", generatedTeams: TEAMS });
  const newToken = async () =>
    (await createApiTokenFor(db, { organizationId: organization.id, createdById: owner!.id, role: "MANAGER" })).secret;
  const teams: TTeam[] = await db.team.findMany({
    where: { organizationId: organization.id },
    select: { id: true, key: true },
    orderBy: { key: "asc" },
  });
  // Teams of their own for each kind of write: cells, drafts' renames, imports' renames, undone renames.
  const [cellTeams, publishTeams, importTeams, undoTeams] = [0, 1, 2, 3].map((part) =>
    teams.filter((_, index) => index % 4 === part),
  ) as [TTeam[], TTeam[], TTeam[], TTeam[]];
  const ownCells = new Set(cellTeams.map((team) => team.id));
  const cells = (await cellsOf(db, organization.id)).filter((cell) => ownCells.has(cell.teamId));
  const server = await startAppServer({ env: UNREACHABLE_API_RATE_LIMIT });
  const orgUrl = `${server.url}/api/v1/orgs/${organization.slug}`;
  const answers: TApiAnswer[] = [];
  const call = async (...args: Parameters<typeof callApi>) => {
    const answer = await callApi(...args);
    answers.push(answer);
    return answer;
  };
  const publishedGroups: string[] = [];
  const undoneGroups: string[] = [];
  const undoGroups: string[] = [];
  const deadline = Date.now() + DURATION_MS;
  const untilDeadline = async (work: (round: number) => Promise<void>) => {
    for (let round = 0; Date.now() < deadline; round++) await work(round);
  };

  try {
    const writers = startCellWriters({
      url: server.url,
      orgSlug: organization.slug,
      token: await newToken(),
      cells: Array.from({ length: CELL_WRITERS }, (_, writer) =>
        cells.filter((_, index) => index % CELL_WRITERS === writer).slice(0, 12),
      ),
    });
    const [publisher, importer, undoer] = await Promise.all([newToken(), newToken(), newToken()]);

    const publishing = untilDeadline(async (round) => {
      const created = await call(`${orgUrl}/drafts`, {
        label: "create draft",
        method: "POST",
        token: publisher,
        body: { name: `Load ${round}` },
      });
      if (created.status !== 201) return;
      const draft = (created.body as { draft: { id: string; slug: string } }).draft;
      const team = publishTeams[round % publishTeams.length]!;
      const inDraft = await db.team.findFirstOrThrow({
        where: { organization: { slug: draft.slug }, key: team.key },
        select: { id: true },
      });
      await call(`${server.url}/api/v1/orgs/${draft.slug}/teams/${inDraft.id}`, {
        label: "rename in draft",
        method: "PATCH",
        token: publisher,
        body: { name: `Published ${round}` },
      });
      const published = await call(`${orgUrl}/drafts/${draft.id}/publish`, {
        label: "publish",
        method: "POST",
        token: publisher,
      });
      const groupId = (published.body as { groupId?: string | null }).groupId;
      if (published.status === 200 && groupId) publishedGroups.push(groupId);
    });

    const importing = untilDeadline(async (round) => {
      const exported = await call(`${orgUrl}/map`, { label: "export", token: importer });
      if (exported.status !== 200) return;
      const document = exported.body as { teams: { key: string; name: string }[] };
      const key = importTeams[round % importTeams.length]!.key;
      await call(`${orgUrl}/map`, {
        label: "import",
        method: "PUT",
        token: importer,
        headers: { "if-match": exported.etag! },
        body: {
          ...document,
          teams: document.teams.map((team) => (team.key === key ? { ...team, name: `Imported ${round}` } : team)),
        },
      });
    });

    const undoing = untilDeadline(async (round) => {
      // Undo the last publish not undone yet, or else a rename of a team of its own.
      let groupId = publishedGroups.find((group) => !undoneGroups.includes(group));
      if (!groupId) {
        const team = undoTeams[round % undoTeams.length]!;
        const renamed = await call(`${orgUrl}/teams/${team.id}`, {
          label: "rename",
          method: "PATCH",
          token: undoer,
          body: { name: `Renamed ${round}` },
        });
        if (renamed.status !== 200) return;
        const [entry] = await db.$queryRaw<{ group_id: string }[]>`
          SELECT group_id FROM journal_entry
          WHERE organization_id = ${organization.id} AND entity = 'team' AND entity_id = ${team.id}
          ORDER BY id DESC LIMIT 1`;
        groupId = entry!.group_id;
      }
      undoneGroups.push(groupId);
      const undone = await call(`${orgUrl}/journal/${groupId}/undo`, { label: "undo", method: "POST", token: undoer });
      const undoGroup = (undone.body as { group?: { groupId: string } }).group?.groupId;
      if (undone.status === 200 && undoGroup) undoGroups.push(undoGroup);
      // A publish whose undo was refused is not tried again.
    });

    await Promise.all([publishing, importing, undoing]);
    const writes = await writers.stop();
    for (const write of writes)
      answers.push({ label: "cell write", status: write.status, body: write.body, etag: null });

    // What happened, for the record.
    const counts: Record<string, Record<number, number>> = {};
    for (const { label, status } of answers) {
      counts[label] ??= {};
      counts[label][status] = (counts[label][status] ?? 0) + 1;
    }
    console.log(`mixed load, answers by kind and status: ${JSON.stringify(counts)}`);
    const busy = new Set(
      answers
        .filter((answer) => answer.status === 503)
        .map((answer) => `${answer.label}: ${(answer.body as { error?: { message?: string } }).error?.message}`),
    );
    if (busy.size > 0) console.log(`mixed load, answered 503: ${[...busy].join(" | ")}`);

    const problems: string[] = [];
    for (const answer of answers) {
      const isSuccess = answer.status >= 200 && answer.status < 300;
      if (!isSuccess && !REFUSALS[answer.label]!.includes(answer.status)) {
        problems.push(`${answer.label} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    }
    problems.push(...(await findLostWrites(db, organization.id, writes)));
    // Every accepted publish and undo is in the journal.
    const accepted = [...publishedGroups, ...undoGroups];
    const journalled = await db.$queryRaw<{ group_id: string }[]>`
      SELECT DISTINCT group_id FROM journal_entry WHERE organization_id = ${organization.id}`;
    const groups = new Set(journalled.map((row) => row.group_id));
    for (const group of accepted)
      if (!groups.has(group)) problems.push(`accepted group ${group} is not in the journal`);
    // Nothing but the cell writers changed their cells: a publish, import or undo that did reverted a write, even if
    // a later write of the same cell hid it.
    const writtenSlots = [...new Set(cells.map((cell) => cell.slotId))];
    const reverts = await db.$queryRaw<{ action: string; count: number }[]>`
      SELECT action, count(*)::int AS count FROM journal_entry
      WHERE organization_id = ${organization.id} AND entity = 'assignment'
        AND action NOT IN ('assignment.set', 'system.seed')
        AND COALESCE(after, before)->>'slot_id' = ANY(${writtenSlots})
      GROUP BY action`;
    for (const { action, count } of reverts) problems.push(`${action} changed ${count} cells of the cell writers`);
    // The server's own account of any 500 (a deadlock, say), to say what went wrong.
    if (problems.some((problem) => / answered 5\d\d/.test(problem))) {
      problems.push(
        ...server
          .output()
          .split("\n")
          .filter((line) => /error/i.test(line))
          .slice(0, 20),
      );
    }
    expect(problems).toEqual([]);
    // Each kind of write was accepted at least once: the load did what it says.
    for (const label of ["cell write", "publish", "undo"]) expect(counts[label]?.[200] ?? 0, label).toBeGreaterThan(0);
    await expectJournalToMatchMap(db, organization.id);
  } finally {
    await server.stop();
  }
});
