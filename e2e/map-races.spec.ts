// Issue 18, findings 1 and 2: a read-modify-write of the whole map (publishing a draft, importing with If-Match)
// must not revert what others wrote while it ran. Real concurrent requests against the production server; each
// round sends its racing requests at several moments into the long write, as two busy leads would.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { after, callApi, expectJournalToMatchMap, type TApiAnswer } from "./fixtures/api-calls";
import { cellsOf, findLostWrites, writeCell, type TCell, type TCellWrite } from "./fixtures/cell-writers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "races need PostgreSQL's concurrency, as deployed");

/** Enough teams that a publish or an import takes a noticeable while, so that the racing requests land inside it. */
const TEAMS = 200;
const ROUNDS = 3;
/** When the racing requests are sent, in ms after the long write was. */
const OFFSETS_MS = [10, 40, 80, 160, 320];

type TMapDocument = { teams: { key: string; name: string }[] };
type TMapDocumentWithCells = {
  teams: { key: string; name: string; assignments: { duty: string; slot: string; level: string }[] }[];
};

async function setUp() {
  const { owner, organization } = await createAccount({ role: "MANAGER", generatedTeams: TEAMS });
  const token = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "MANAGER",
  });
  const teams = await db.team.findMany({
    where: { organizationId: organization.id },
    select: { id: true, key: true },
    orderBy: { key: "asc" },
  });
  // One empty cell of each team, so that a cell write and a team's deletion never touch the same team.
  const cellByTeam = new Map<string, TCell>();
  for (const cell of await cellsOf(db, organization.id, { isEmpty: true })) {
    if (!cellByTeam.has(cell.teamId)) cellByTeam.set(cell.teamId, cell);
  }
  return { organization, token: token.secret, teams, cellByTeam };
}

function expectNoServerErrors(answers: readonly { status: number; body: unknown }[]) {
  const failed = answers.filter((answer) => answer.status === 0 || answer.status >= 500);
  expect(failed, JSON.stringify(failed, null, 1).slice(0, 2_000)).toEqual([]);
}

type TDraft = { id: string; slug: string };

/** A new draft of the organisation at `orgUrl`, made over the API. */
async function newDraft(orgUrl: string, token: string, name: string): Promise<TDraft> {
  const created = await callApi(`${orgUrl}/drafts`, { label: "create draft", method: "POST", token, body: { name } });
  expect(created.status).toBe(201);
  return (created.body as { draft: TDraft }).draft;
}

/** A new draft in which the team with `teamKey` is renamed to `name`, as a lead plans it over the API. */
async function draftRenaming(
  { baseURL, orgSlug, token }: { baseURL: string; orgSlug: string; token: string },
  teamKey: string,
  name: string,
): Promise<TDraft> {
  const draft = await newDraft(`${baseURL}/api/v1/orgs/${orgSlug}`, token, `Renaming ${teamKey}`);
  const inDraft = await db.team.findFirstOrThrow({
    where: { organization: { slug: draft.slug }, key: teamKey },
    select: { id: true },
  });
  const renamed = await callApi(`${baseURL}/api/v1/orgs/${draft.slug}/teams/${inDraft.id}`, {
    label: "rename in draft",
    method: "PATCH",
    token,
    body: { name },
  });
  expect(renamed.status).toBe(200);
  return draft;
}

test("a publish keeps the live cell writes and team deletions made while it runs", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const { organization, token, teams, cellByTeam } = await setUp();
  const orgUrl = `${baseURL}/api/v1/orgs/${organization.slug}`;
  const writes: TCellWrite[] = [];
  const answers: TApiAnswer[] = [];
  const deleted: { key: string; answer: TApiAnswer }[] = [];
  // Teams taken in turn: the first of each round is renamed by its draft, the next ones are raced.
  let next = 0;
  const take = () => teams[next++]!;

  for (let round = 0; round < ROUNDS; round++) {
    const draft = await draftRenaming(
      { baseURL: baseURL!, orgSlug: organization.slug, token },
      take().key,
      `Renamed in round ${round}`,
    );

    const publish = callApi(`${orgUrl}/drafts/${draft.id}/publish`, { label: "publish", method: "POST", token });
    const racing = OFFSETS_MS.flatMap((offset, index) => {
      const written = take();
      const removed = take();
      return [
        after(offset).then(() =>
          writeCell({
            url: baseURL!,
            orgSlug: organization.slug,
            token,
            cell: cellByTeam.get(written.id)!,
            level: "informed",
            writer: index,
          }),
        ),
        after(offset).then(async () => {
          const answer = await callApi(`${orgUrl}/teams/${removed.id}`, {
            label: "delete team",
            method: "DELETE",
            token,
          });
          deleted.push({ key: removed.key, answer });
          return answer;
        }),
      ];
    });
    const [published, ...raced] = await Promise.all([publish, ...racing]);
    answers.push(published);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    for (const one of raced) {
      if ("cell" in one) writes.push(one);
      else answers.push(one);
    }
  }

  expectNoServerErrors([...answers, ...writes]);
  // Every accepted cell write is still there, and in the journal.
  expect(await findLostWrites(db, organization.id, writes)).toEqual([]);
  // No deleted team came back (under its id or a new one).
  const acceptedDeletions = deleted.filter(({ answer }) => answer.status >= 200 && answer.status < 300);
  expect(acceptedDeletions.length).toBeGreaterThan(0);
  const resurrected = await db.team.findMany({
    where: { organizationId: organization.id, key: { in: acceptedDeletions.map(({ key }) => key) } },
    select: { key: true },
  });
  expect(resurrected).toEqual([]);
  await expectJournalToMatchMap(db, organization.id);
});

test("imports with If-Match: of two with the same ETag one wins and the other is told; a cell write during one stays", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { organization, token, teams, cellByTeam } = await setUp();
  const mapUrl = `${baseURL}/api/v1/orgs/${organization.slug}/map`;
  const readMap = async () => {
    const answer = await callApi(mapUrl, { label: "export", token });
    expect(answer.status).toBe(200);
    return { document: answer.body as TMapDocument, etag: answer.etag! };
  };
  const renamed = (document: TMapDocument, index: number, name: string): TMapDocument => ({
    ...document,
    teams: document.teams.map((team, at) => (at === index ? { ...team, name } : team)),
  });
  const answers: TApiAnswer[] = [];
  const writes: TCellWrite[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    // Two leads import over the same map at once.
    const { document, etag } = await readMap();
    const first = renamed(document, 0, `First of round ${round}`);
    const second = renamed(document, 1, `Second of round ${round}`);
    const both = await Promise.all(
      [first, second].map((body, index) =>
        callApi(mapUrl, { label: `import ${index}`, method: "PUT", token, body, headers: { "if-match": etag } }),
      ),
    );
    answers.push(...both);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const winner = both[0]!.status === 200 ? first : second;
    const { document: stored } = await readMap();
    expect(stored.teams.slice(0, 2).map((team) => team.name)).toEqual(
      winner.teams.slice(0, 2).map((team) => team.name),
    );

    // A cell written while an import with If-Match runs: it lands after the import and stays, or the import is refused.
    const current = await readMap();
    const importing = callApi(mapUrl, {
      label: "import during writes",
      method: "PUT",
      token,
      body: renamed(current.document, 2, `Third of round ${round}`),
      headers: { "if-match": current.etag },
    });
    const racing = OFFSETS_MS.map((offset, index) =>
      after(offset).then(() =>
        writeCell({
          url: baseURL!,
          orgSlug: organization.slug,
          token,
          cell: cellByTeam.get(teams[10 + round * OFFSETS_MS.length + index]!.id)!,
          level: "consulted",
          writer: index,
        }),
      ),
    );
    const [imported, ...raced] = await Promise.all([importing, ...racing]);
    answers.push(imported);
    writes.push(...raced);
    expect([200, 412]).toContain(imported.status);
  }

  expectNoServerErrors([...answers, ...writes]);
  expect(await findLostWrites(db, organization.id, writes)).toEqual([]);
  await expectJournalToMatchMap(db, organization.id);
});

test("cell writes during an import that changes the same cells: none fails, and none is lost unseen", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { organization, token, teams, cellByTeam } = await setUp();
  const mapUrl = `${baseURL}/api/v1/orgs/${organization.slug}/map`;
  const answers: TApiAnswer[] = [];
  const writes: TCellWrite[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    const raced = teams.slice(round * OFFSETS_MS.length, (round + 1) * OFFSETS_MS.length);
    const exported = await callApi(mapUrl, { label: "export", token });
    expect(exported.status).toBe(200);
    // The import sets exactly the cells the writers write, to another level: each write lands before it (and the
    // import changes the cell again, at a later version, in the journal) or after it (and stays).
    const document = exported.body as TMapDocumentWithCells;
    const cellsByKey = new Map(raced.map((team) => [team.key, cellByTeam.get(team.id)!]));
    const imported = {
      ...document,
      teams: document.teams.map((team) => {
        const cell = cellsByKey.get(team.key);
        if (!cell) return team;
        const assignments = [...team.assignments, { duty: cell.dutyKey, slot: cell.slotKey, level: "accountable" }];
        return { ...team, assignments };
      }),
    };
    const importing = callApi(mapUrl, { label: "import", method: "PUT", token, body: imported });
    const racing = OFFSETS_MS.map((offset, index) =>
      after(offset).then(() =>
        writeCell({
          url: baseURL!,
          orgSlug: organization.slug,
          token,
          cell: cellByTeam.get(raced[index]!.id)!,
          level: "consulted",
          writer: index,
        }),
      ),
    );
    const [importAnswer, ...written] = await Promise.all([importing, ...racing]);
    expect(importAnswer.status, JSON.stringify(importAnswer.body)).toBe(200);
    answers.push(importAnswer);
    writes.push(...written);
  }

  expectNoServerErrors([...answers, ...writes]);
  expect(writes.filter((write) => write.status === 200).length).toBeGreaterThan(0);
  expect(await findLostWrites(db, organization.id, writes)).toEqual([]);
  await expectJournalToMatchMap(db, organization.id);
});

test("a publish and a discard of the same draft at once: one of them happens, the other is told; live stays whole", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { organization, token, teams } = await setUp();
  const orgUrl = `${baseURL}/api/v1/orgs/${organization.slug}`;
  const outcomes = new Set<string>();

  for (let round = 0; round < ROUNDS * 2; round++) {
    const team = teams[round]!;
    const planned = `Planned in race ${round}`;
    const draft = await draftRenaming({ baseURL: baseURL!, orgSlug: organization.slug, token }, team.key, planned);

    const [published, discarded] = await Promise.all([
      callApi(`${orgUrl}/drafts/${draft.id}/publish`, { label: "publish", method: "POST", token }),
      after(OFFSETS_MS[round % OFFSETS_MS.length]! / 4).then(() =>
        callApi(`${orgUrl}/drafts/${draft.id}`, { label: "discard", method: "DELETE", token }),
      ),
    ]);
    expectNoServerErrors([published, discarded]);
    outcomes.add(`publish ${published.status}, discard ${discarded.status}`);
    // Either the publish went first (live has the plan; the draft, published, is then discarded or refused), or the
    // discard did (the publish is told the draft is gone, and live is as it was).
    const live = await db.team.findUniqueOrThrow({ where: { id: team.id }, select: { name: true } });
    if (published.status === 200) {
      expect(live.name).toBe(planned);
      expect([200, 404, 409]).toContain(discarded.status);
    } else {
      expect(published.status).toBe(404);
      expect((published.body as { error: { message: string } }).error.message).toMatch(/discarded/);
      expect(discarded.status).toBe(200);
      expect(live.name).not.toBe(planned);
    }
  }

  test.info().annotations.push({ type: "outcomes", description: [...outcomes].join("; ") });
  await expectJournalToMatchMap(db, organization.id);
});

test("three publishes of one draft at once: one publishes, the others are told; a publish of nothing has no group", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { organization, token, teams } = await setUp();
  const orgUrl = `${baseURL}/api/v1/orgs/${organization.slug}`;
  const publishGroups = async () =>
    (
      await db.journalEntry.findMany({
        where: { organizationId: organization.id, action: "draft.publish" },
        select: { groupId: true },
        distinct: ["groupId"],
      })
    ).map((entry) => entry.groupId);
  const winners: string[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    const draft = await draftRenaming(
      { baseURL: baseURL!, orgSlug: organization.slug, token },
      teams[round]!.key,
      `Published in round ${round}`,
    );
    const answers = await Promise.all(
      [0, 1, 2].map((index) =>
        callApi(`${orgUrl}/drafts/${draft.id}/publish`, { label: `publish ${index}`, method: "POST", token }),
      ),
    );
    expectNoServerErrors(answers);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    for (const answer of answers.filter((one) => one.status === 409)) {
      expect((answer.body as { error: { message: string } }).error.message).toMatch(/published already/);
    }
    winners.push((answers.find((answer) => answer.status === 200)!.body as { groupId: string }).groupId);
  }
  expect((await publishGroups()).sort()).toEqual([...winners].sort());

  const unchanged = await newDraft(orgUrl, token, "Nothing planned");
  const nothing = await callApi(`${orgUrl}/drafts/${unchanged.id}/publish`, {
    label: "publish",
    method: "POST",
    token,
  });
  expect(nothing.status).toBe(200);
  expect((nothing.body as { groupId: string | null }).groupId).toBeNull();
  expect((await publishGroups()).sort()).toEqual([...winners].sort());
  await expectJournalToMatchMap(db, organization.id);
});
