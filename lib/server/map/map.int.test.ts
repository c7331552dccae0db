import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { analyzeMap, type TFlag, type TMapAnalysis } from "@/lib/domain/analyze-map";
import { DEFAULT_DUTIES } from "@/lib/domain/duty-catalogue";
import { generateMap } from "@/lib/domain/generate-map";
import { MAP_CSV_COLUMNS } from "@/lib/domain/map-csv";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import type { TRemitMap } from "@/lib/domain/model";
import type { TOverview } from "@/lib/domain/overview";
import { peopleRows, personDuties } from "@/lib/domain/people-view";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import type { TMapDocument } from "@/lib/domain/map-format";
import { createAssignment, createTeam } from "@/prisma/factories";
import { GET as getCsv } from "@/app/api/v1/orgs/[orgSlug]/map.csv/route";
import type { TMapCounts } from "@/lib/server/kernel/replace-map";
import { setJournalContext } from "@/lib/server/kernel/journal-context";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/validation/map";
import { DEFAULT_RULES, listRuleSettings } from "@/lib/domain/rules";

const MAP = "/api/v1/orgs/[orgSlug]/map";
const ANALYSIS = "GET /api/v1/orgs/[orgSlug]/analysis";
const CSV = "GET /api/v1/orgs/[orgSlug]/map.csv";

function fixture(name: string): TMapDocument {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), "prisma", "fixtures", `${name}.json`), "utf8"),
  ) as TMapDocument;
}

/** A flag as "kind team subject", for comparing analyses by what they point at rather than by ids. */
function describeFlag(flag: TFlag): string {
  const subject =
    "duty" in flag ? flag.duty.key : "slot" in flag ? flag.slot.key : "person" in flag ? flag.person.key : "";
  return `${flag.kind} ${"team" in flag ? flag.team.key : "-"} ${subject}`;
}

describe("exporting and importing the map", () => {
  it("exports a new organisation as its default catalogue with no teams or people", async () => {
    const { org, as } = await createMapWorld();
    const answer = await callApi<TMapDocument>(`GET ${MAP}`, { params: { orgSlug: org.slug }, as: as.viewer });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      format: "remit.map/v1",
      duties: DEFAULT_DUTIES,
      people: [],
      teams: [],
      rules: listRuleSettings(DEFAULT_RULES),
    });
  });

  it("replaces the map with a document and exports it back as it was", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await createTeam(db, { organizationId: org.id, key: "old-team" });
    const document = fixture("gaps-and-overlaps");

    const imported = await callApi<{ imported: TMapCounts }>(`PUT ${MAP}`, { params, as: as.editor, body: document });
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toEqual({ duties: 4, people: 3, teams: 2, slots: 7, assignments: 8 });

    const exported = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(exported.body.teams.map((team) => team.key)).toEqual(["growth", "platform"]);
    expect(exported.body.duties.map((duty) => duty.key)).toEqual([
      "vision",
      "roadmap",
      "day-to-day",
      "market-research",
    ]);
    expect(exported.body.teams[0]!.slots[1]).toEqual({ key: "pm", role: "PM", holder: "ada", allocation: 0.5 });
    expect(exported.body.teams[0]!.assignments).toEqual(document.teams[0]!.assignments);
    expect(await db.team.count({ where: { organizationId: org.id, key: "old-team" } })).toBe(0);
  });

  it("keeps the ids of what keeps its key, and the versions of cells whose level did not change", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id, key: "checkout", name: "Checkout" });
    const [po, pm] = team.slots;
    const duties = await db.duty.findMany({ where: { organizationId: org.id }, select: { id: true, key: true } });
    const dutyId = (key: string) => duties.find((duty) => duty.key === key)!.id;
    await createAssignment(db, { organizationId: org.id, slotId: po!.id, dutyId: dutyId("vision"), version: 3 });
    await createAssignment(db, { organizationId: org.id, slotId: po!.id, dutyId: dutyId("roadmap"), version: 2 });
    // A cell the document leaves out: it goes.
    await createAssignment(db, { organizationId: org.id, slotId: pm!.id, dutyId: dutyId("vision") });
    const idsBefore = await db.assignment.findMany({
      where: { organizationId: org.id, slotId: po!.id },
      select: { id: true },
    });

    const document: TMapDocument = {
      format: "remit.map/v1",
      duties: DEFAULT_DUTIES.map((duty) => ({ ...duty })),
      people: [],
      teams: [
        {
          key: "checkout",
          name: "Checkout",
          slots: [
            { key: "po", role: "PO", holder: null, allocation: 1 },
            { key: "pm", role: "PM", holder: null, allocation: 1 },
          ],
          assignments: [
            { duty: "vision", slot: "po", level: "accountable" },
            { duty: "roadmap", slot: "po", level: "consulted" },
            { duty: "roadmap", slot: "pm", level: "accountable" },
          ],
        },
      ],
    };
    expect((await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: document })).status).toBe(
      200,
    );

    const stored = await db.assignment.findMany({
      where: { organizationId: org.id },
      select: { teamId: true, slotId: true, dutyId: true, level: true, version: true },
    });
    expect(stored).toEqual(
      expect.arrayContaining([
        { teamId: team.id, slotId: po!.id, dutyId: dutyId("vision"), level: "accountable", version: 3 },
        { teamId: team.id, slotId: po!.id, dutyId: dutyId("roadmap"), level: "consulted", version: 3 },
        { teamId: team.id, slotId: pm!.id, dutyId: dutyId("roadmap"), level: "accountable", version: 1 },
      ]),
    );
    expect(stored).toHaveLength(3);
    const idsAfter = await db.assignment.findMany({
      where: { organizationId: org.id, slotId: po!.id },
      select: { id: true },
    });
    expect(idsAfter).toEqual(expect.arrayContaining(idsBefore));
  });

  it("refuses a broken document with every problem keyed by its JSON path, and stores nothing", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    const before = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    const broken = {
      format: "remit.map/v1",
      duties: [{ key: "vision", name: "Product vision" }],
      people: [
        { key: "ada", name: "Ada", email: "ada@example.com" },
        { key: "bob", name: "Bob\u0000", email: "ADA@example.com" },
      ],
      teams: [
        {
          key: "checkout",
          name: "Checkout",
          slots: [{ key: "po", role: "PO", holder: "nobody", allocation: 2 }],
          assignments: [
            { duty: "vision", slot: "po", level: "owner" },
            { duty: "unknown", slot: "po", level: "accountable" },
          ],
          colour: "red",
        },
        { key: "checkout", name: "" },
      ],
    };
    const answer = await callApi(`PUT ${MAP}`, { params, as: as.editor, body: broken });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^The map has 9 problems; nothing was imported/);
    expect(Object.keys(answer.body.error.fields ?? {}).sort()).toEqual(
      [
        "people[1].email",
        "people[1].name",
        "teams[0].slots[0].holder",
        "teams[0].slots[0].allocation",
        "teams[0].assignments[0].level",
        "teams[0].assignments[1].duty",
        "teams[0].colour",
        "teams[1].key",
        "teams[1].name",
      ].sort(),
    );
    expect(answer.body.error.fields?.["people[1].name"]).toEqual([expect.stringMatching(/NUL/)]);
    const after = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(after.body).toEqual(before.body);

    for (const body of ["{ not json", [], { format: "remit.map/v2" }]) {
      const refused = await callApi(`PUT ${MAP}`, { params, as: as.editor, body });
      expect(refused.status).toBe(400);
    }
  });

  it("stores nothing when the database fails half-way through an import", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("healthy-team") });
    const before = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });

    // Teams, people and duties are written before slots; a slot with this key makes PostgreSQL refuse the insert.
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const failing = `boom-${suffix}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION remit_test_refuse_${suffix}() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER remit_test_refuse_${suffix} BEFORE INSERT ON slot FOR EACH ROW ` +
        `WHEN (NEW.key = '${failing}') EXECUTE FUNCTION remit_test_refuse_${suffix}()`,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const document = fixture("gaps-and-overlaps");
      document.teams[1]!.slots.push({ key: failing, role: "Tester", holder: null, allocation: 1 });
      const answer = await callApi(`PUT ${MAP}`, { params, as: as.editor, body: document });
      expect(answer.status).toBe(500);
    } finally {
      logged.mockRestore();
      await db.$executeRawUnsafe(`DROP TRIGGER remit_test_refuse_${suffix} ON slot`);
      await db.$executeRawUnsafe(`DROP FUNCTION remit_test_refuse_${suffix}()`);
    }
    const after = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(after.body).toEqual(before.body);
  });

  it("gives the same document after export, import and export of a large generated map", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    // Every rule at its defaults, as a new organisation has them.
    const generated = mapToDocument(generateMap({ teams: 200, seed: 7 }), DEFAULT_RULES);

    const first = await callApi<{ imported: TMapCounts }>(`PUT ${MAP}`, { params, as: as.editor, body: generated });
    expect(first.status).toBe(200);
    expect(first.body.imported.teams).toBe(200);
    const exported = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(exported.body).toEqual(generated);

    expect((await callApi(`PUT ${MAP}`, { params, as: as.editor, body: exported.body })).status).toBe(200);
    const again = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(exported.body));
  });

  it("imports 1,000 teams, well past the usual body limit", { timeout: 180_000 }, async () => {
    const { org, as } = await createMapWorld();
    const document = mapToDocument(generateMap({ teams: 1_000, seed: 3 }));
    expect(JSON.stringify(document).length).toBeGreaterThan(2_000_000);
    const answer = await callApi<{ imported: TMapCounts }>(`PUT ${MAP}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: document,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.imported).toMatchObject({ teams: 1_000, people: 10_000 });
    expect(await db.assignment.count({ where: { organizationId: org.id } })).toBe(answer.body.imported.assignments);
  });

  it("refuses a body over MAP_IMPORT_BODY_LIMIT_BYTES with 413", async () => {
    const { org, as } = await createMapWorld();
    const answer = await callApi(`PUT ${MAP}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: { format: "remit.map/v1", padding: "x".repeat(MAP_IMPORT_BODY_LIMIT_BYTES + 1) },
    });
    expect(answer.status).toBe(413);
  });

  it("shows another organisation's map to nobody outside it", async () => {
    const { org, as } = await createMapWorld();
    expect((await callApi(`GET ${MAP}`, { params: { orgSlug: org.slug }, as: as.stranger })).status).toBe(404);
    const put = await callApi(`PUT ${MAP}`, {
      params: { orgSlug: org.slug },
      as: as.stranger,
      body: fixture("new-team"),
    });
    expect(put.status).toBe(404);
    expect(await db.team.count({ where: { organizationId: org.id } })).toBe(0);
  });
});

describe("importing only over the map one has seen (ETag and If-Match)", () => {
  it("exports the document's fingerprint as its ETag, and imports when If-Match still matches", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const exported = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    const etag = exported.headers.get("etag");
    expect(etag).toBe(`"${documentFingerprint(exported.body)}"`);
    // The same map read again has the same ETag.
    expect((await callApi(`GET ${MAP}`, { params, as: as.viewer })).headers.get("etag")).toBe(etag);

    const imported = await callApi<{ imported: TMapCounts }>(`PUT ${MAP}`, {
      params,
      as: as.editor,
      body: fixture("healthy-team"),
      headers: { "If-Match": etag! },
    });
    expect(imported.status).toBe(200);
    expect((await callApi(`GET ${MAP}`, { params, as: as.viewer })).headers.get("etag")).not.toBe(etag);
  });

  it("refuses with 412 and changes nothing when the map changed after the ETag was read", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const etag = (await callApi(`GET ${MAP}`, { params, as: as.viewer })).headers.get("etag")!;
    const team = await db.team.findFirstOrThrow({ where: { organizationId: org.id, key: "growth" } });
    const renamed = await callApi(`PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]`, {
      params: { ...params, teamId: team.id },
      as: as.editor,
      body: { name: "Growth and retention" },
    });
    expect(renamed.status).toBe(200);
    const before = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });

    const refused = await callApi(`PUT ${MAP}`, {
      params,
      as: as.editor,
      body: fixture("healthy-team"),
      headers: { "If-Match": etag },
    });
    expect(refused.status).toBe(412);
    expect(refused.body.error.code).toBe("precondition_failed");
    expect(refused.body.error.message).toMatch(/changed since/);
    expect((await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer })).body).toEqual(before.body);
  });

  it("answers 400 for an If-Match that is not one ETag", async () => {
    const { org, as } = await createMapWorld();
    for (const ifMatch of ["*", "abc", '"0123456789abcdef", "fedcba9876543210"', '"0123456789ABCDEF"']) {
      const answer = await callApi(`PUT ${MAP}`, {
        params: { orgSlug: org.slug },
        as: as.editor,
        body: fixture("healthy-team"),
        headers: { "If-Match": ifMatch },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain("If-Match");
    }
  });
});

describe("exporting CSV", () => {
  it("writes one escaped row per assignment, with formulas defused", async () => {
    const { org, as } = await createMapWorld();
    const document = fixture("healthy-team");
    document.teams[0]!.name = "=Checkout, EU";
    document.people[0]!.name = 'Ada "the Countess" Lovelace';
    await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: document });

    const answer = await callApi<string>(CSV, { params: { orgSlug: org.slug }, as: as.viewer });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="${org.slug}-assignments.csv"`);
    const lines = answer.body.split("\r\n");
    expect(lines[0]).toBe(MAP_CSV_COLUMNS.join(","));
    expect(lines.slice(1, -1)).toHaveLength(4);
    expect(lines[1]).toBe(
      `"'=Checkout, EU",checkout,Product vision,vision,PO,,po,"Ada ""the Countess"" Lovelace",ada,accountable`,
    );
    expect(lines.at(-1)).toBe("");
  });

  it("starts with a byte order mark, so that Excel reads it as UTF-8", async () => {
    const { org, as } = await createMapWorld();
    const request = new Request(`http://remit.test/api/v1/orgs/${org.slug}/map.csv`, {
      headers: { cookie: as.viewer.cookie },
    });
    const response = await getCsv(request, { params: Promise.resolve({ orgSlug: org.slug }) });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("answers 404 as JSON outside the organisation", async () => {
    const { org, as } = await createMapWorld();
    const answer = await callApi(CSV, { params: { orgSlug: org.slug }, as: as.stranger });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("not_found");
  });
});

describe("analysing the map", () => {
  const cases: { fixture: string; score: number; flags: string[] }[] = [
    { fixture: "healthy-team", score: 100, flags: [] },
    {
      fixture: "new-team",
      score: 60,
      flags: [
        "unowned_duty search vision",
        "unowned_duty search roadmap",
        "vacant_slot search po",
        "vacant_slot search pm",
      ],
    },
    {
      fixture: "gaps-and-overlaps",
      score: 67,
      flags: [
        "shared_ownership growth roadmap",
        "unowned_duty growth day-to-day",
        "idle_slot growth pm",
        "vacant_slot growth analyst",
        "dual_role growth ada",
        "idle_slot platform designer",
        "overloaded_person - linus",
        "overloaded_person - radia",
      ],
    },
  ];

  it.each(cases)("flags what is wrong in $fixture", async ({ fixture: name, score, flags }) => {
    const { org, as } = await createMapWorld();
    await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: fixture(name) });
    const answer = await callApi<TMapAnalysis>(ANALYSIS, { params: { orgSlug: org.slug }, as: as.viewer });
    expect(answer.status).toBe(200);
    expect(answer.body.flags.map(describeFlag).sort()).toEqual([...flags].sort());
    expect(answer.body.counts.total).toBe(flags.length);
    expect(answer.body.score).toBe(score);
  });

  it("narrows the analysis to one team, by id or key, including overloads that reach into it", async () => {
    const { org, as } = await createMapWorld();
    await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: fixture("gaps-and-overlaps") });
    const platform = await db.team.findFirstOrThrow({
      where: { organizationId: org.id, key: "platform" },
      select: { id: true },
    });
    for (const teamId of [platform.id, "platform"]) {
      const answer = await callApi<TMapAnalysis>(ANALYSIS, {
        params: { orgSlug: org.slug },
        query: { teamId },
        as: as.viewer,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.teams.map((team) => team.team.key)).toEqual(["platform"]);
      expect(answer.body.flags.map(describeFlag).sort()).toEqual(
        ["idle_slot platform designer", "overloaded_person - linus", "overloaded_person - radia"].sort(),
      );
      expect(answer.body.counts.bySeverity).toEqual({ error: 0, warning: 2, info: 1 });
      expect(answer.body.score).toBe(answer.body.teams[0]!.score);
    }
    const unknown = await callApi(ANALYSIS, {
      params: { orgSlug: org.slug },
      query: { teamId: "nope" },
      as: as.viewer,
    });
    expect(unknown.status).toBe(404);
    const empty = await callApi(ANALYSIS, { params: { orgSlug: org.slug }, query: { teamId: "" }, as: as.viewer });
    expect(empty.status).toBe(400);
  });

  it("shows the seeded demo map's deliberate gaps and overlaps", async () => {
    const { org, as } = await createMapWorld();
    const demo = JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "demo-map.json"), "utf8")) as unknown;
    expect((await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: demo })).status).toBe(
      200,
    );
    const answer = await callApi<TMapAnalysis>(ANALYSIS, { params: { orgSlug: org.slug }, as: as.viewer });
    expect(answer.body.teams.map((team) => team.team.key)).toEqual([
      "checkout",
      "growth",
      "payments",
      "platform",
      "search",
    ]);
    expect(answer.body.flags.map(describeFlag).sort()).toEqual(
      [
        "shared_ownership growth data-analysis",
        "idle_slot growth designer",
        "vacant_slot payments pm",
        "dual_role platform isla-novak",
        "unowned_duty search market-research",
        "overloaded_person - grace-kim",
        "overloaded_person - jonas-berg",
      ].sort(),
    );
  });
});

describe("the overview", () => {
  const OVERVIEW = "GET /api/v1/orgs/[orgSlug]/overview";
  const ASSIGNMENTS = "PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments";
  type TOverviewAnswer = { overview: TOverview; loadedAt: number };

  it("summarises each team: its score, flag counts and who is accountable for each duty", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const analysis = await callApi<TMapAnalysis>(ANALYSIS, { params, as: as.viewer });
    const answer = await callApi<TOverviewAnswer>(OVERVIEW, { params, as: as.viewer });
    expect(answer.status).toBe(200);
    const { overview } = answer.body;
    expect(overview.score).toBe(analysis.body.score);
    expect(overview.duties.map((duty) => duty.key)).toEqual(["vision", "roadmap", "day-to-day", "market-research"]);
    const growth = overview.rows.find((row) => row.team.key === "growth")!;
    const growthAnalysis = analysis.body.teams.find((team) => team.team.key === "growth")!;
    expect(growth.score).toBe(growthAnalysis.score);
    expect(growth.errors).toBe(growthAnalysis.counts.bySeverity.error);
    expect(growth.cells.map((cell) => cell.state)).toEqual(["owned", "shared", "unowned", "vacant_owner"]);
    expect(growth.kinds.sort()).toEqual([
      "dual_role",
      "idle_slot",
      "overloaded_person",
      "shared_ownership",
      "unowned_duty",
      "vacant_slot",
    ]);
  });

  it("shows a change as soon as the write that made it has answered, and reuses the read map until then", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const before = await callApi<TOverviewAnswer>(OVERVIEW, { params, as: as.viewer });
    // A rename behind Remit's back (announced to nobody) shows whether the next answer reads the map again.
    await db.$transaction(async (tx) => {
      await setJournalContext(tx, { actor: "system", action: "team.update" });
      await tx.team.updateMany({ where: { organizationId: org.id, key: "growth" }, data: { name: "Renamed unseen" } });
    });
    const asked = Date.now();
    const again = await callApi<TOverviewAnswer>(OVERVIEW, { params, as: as.viewer });
    // Nothing changed through Remit in between: the same read serves both, and it is as current as a new read, so
    // the answer says it shows the map as of now (a browser counts it as fresh from then).
    const names = (answer: TOverviewAnswer) => answer.overview.rows.map((row) => row.team.name);
    expect(names(again.body)).toEqual(names(before.body));
    expect(names(again.body)).not.toContain("Renamed unseen");
    expect(again.body.loadedAt).toBeGreaterThanOrEqual(asked);

    const team = await db.team.findFirstOrThrow({ where: { organizationId: org.id, key: "growth" } });
    const [duty, slot] = await Promise.all([
      db.duty.findFirstOrThrow({ where: { organizationId: org.id, key: "day-to-day" } }),
      db.slot.findFirstOrThrow({ where: { teamId: team.id, key: "pm" } }),
    ]);
    const write = await callApi(ASSIGNMENTS, {
      params: { ...params, teamId: team.id },
      as: as.editor,
      body: { dutyId: duty.id, slotId: slot.id, level: "accountable", version: 0 },
    });
    expect(write.status).toBe(200);

    const after = await callApi<TOverviewAnswer>(OVERVIEW, { params, as: as.viewer });
    const row = after.body.overview.rows.find((candidate) => candidate.team.key === "growth")!;
    expect(row.cells[2]).toEqual({ state: "owned", owners: [expect.any(String)] });
    expect(row.kinds).not.toContain("unowned_duty");
    expect(after.body.loadedAt).toBeGreaterThanOrEqual(before.body.loadedAt);
    // The analysis and the map state read the same, fresh map.
    const analysis = await callApi<TMapAnalysis>(ANALYSIS, { params, as: as.viewer });
    expect(analysis.body.flags.map(describeFlag)).not.toContain("unowned_duty growth day-to-day");
  });

  it("keeps organisations apart", async () => {
    const { org, other, as } = await createMapWorld();
    await callApi(`PUT ${MAP}`, { params: { orgSlug: org.slug }, as: as.editor, body: fixture("gaps-and-overlaps") });
    const theirs = await callApi<TOverviewAnswer>(OVERVIEW, { params: { orgSlug: other.slug }, as: as.stranger });
    expect(theirs.body.overview.rows).toEqual([]);
    expect((await callApi(OVERVIEW, { params: { orgSlug: org.slug }, as: as.stranger })).status).toBe(404);
  });
});

describe("a team's part of the map", () => {
  const STATE = "GET /api/v1/orgs/[orgSlug]/state";
  type TStateAnswer = { map: TRemitMap; loadedAt: number };

  it("holds what the team page needs, and analysing it gives the team's flags as in the whole map", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const whole = await callApi<TStateAnswer>(STATE, { params, as: as.viewer });
    const platform = whole.body.map.teams.find((team) => team.key === "platform")!;
    for (const teamId of [platform.id, "platform"]) {
      const answer = await callApi<TStateAnswer>(STATE, { params, query: { teamId }, as: as.viewer });
      expect(answer.status).toBe(200);
      const slice = answer.body.map;
      expect(slice.assignments.every((assignment) => assignment.teamId === platform.id)).toBe(true);
      const holders = new Set(slice.slots.map((slot) => slot.holderId));
      expect(slice.people.map((person) => person.id).sort()).toEqual(
        whole.body.map.people
          .filter((person) => holders.has(person.id))
          .map((person) => person.id)
          .sort(),
      );
      expect(slice.duties).toHaveLength(whole.body.map.duties.length);
      const team = (analysis: TMapAnalysis) => analysis.teams.find((entry) => entry.team.id === platform.id);
      expect(team(analyzeMap(slice))).toEqual(team(analyzeMap(whole.body.map)));
    }
  });

  it("answers 404 for a team of another organisation or none, and 400 for an empty id", async () => {
    const { org, other, as } = await createMapWorld();
    const theirs = await createTeam(db, { organizationId: other.id });
    const params = { orgSlug: org.slug };
    for (const teamId of [theirs.id, "nope"]) {
      const answer = await callApi(STATE, { params, query: { teamId }, as: as.viewer });
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toContain(teamId);
    }
    expect((await callApi(STATE, { params, query: { teamId: "" }, as: as.viewer })).status).toBe(400);
  });

  it("gives a person's part and the people directory's part, each agreeing with the whole map", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    await callApi(`PUT ${MAP}`, { params, as: as.editor, body: fixture("gaps-and-overlaps") });
    const whole = (await callApi<TStateAnswer>(STATE, { params, as: as.viewer })).body.map;
    const rows = peopleRows(whole, analyzeMap(whole));
    const ada = whole.people.find((person) => person.key === "ada")!;
    for (const personId of [ada.id, "ada"]) {
      const answer = await callApi<TStateAnswer>(STATE, { params, query: { personId }, as: as.viewer });
      expect(answer.status).toBe(200);
      const slice = answer.body.map;
      expect(slice.people).toEqual([ada]);
      expect(peopleRows(slice, analyzeMap(slice))).toEqual(rows.filter((row) => row.person.id === ada.id));
      expect(personDuties(slice, ada.id)).toEqual(personDuties(whole, ada.id));
    }
    const people = await callApi<TStateAnswer>(STATE, { params, query: { part: "people" }, as: as.viewer });
    expect(people.body.map.assignments).toEqual([]);
    expect(peopleRows(people.body.map, analyzeMap(people.body.map))).toEqual(rows);
    const roster = await callApi<TStateAnswer>(STATE, { params, query: { part: "roster" }, as: as.viewer });
    expect(roster.body.map).toEqual({ people: whole.people, teams: [], slots: [], duties: [], assignments: [] });

    // A page of the directory: the matching people by name, each with the rows the whole map gives them.
    const pageOf = async (query: Record<string, string>) => {
      const answer = await callApi<TStateAnswer & { peopleCounts: unknown }>(STATE, {
        params,
        query: { part: "people", ...query },
        as: as.viewer,
      });
      expect(answer.status).toBe(200);
      return { rows: peopleRows(answer.body.map, analyzeMap(answer.body.map)), counts: answer.body.peopleCounts };
    };
    const overloaded = rows.filter((row) => row.isOverloaded);
    expect(overloaded.length).toBeGreaterThan(0);
    const counts = { total: rows.length, matching: rows.length, overloaded: overloaded.length };
    expect(await pageOf({ offset: "1", limit: "2" })).toEqual({ rows: rows.slice(1, 3), counts });
    expect(await pageOf({ overloaded: "true" })).toEqual({
      rows: overloaded,
      counts: { ...counts, matching: overloaded.length },
    });
    expect(await pageOf({ find: "ADA" })).toEqual({
      rows: rows.filter((row) => row.person.id === ada.id),
      counts: { ...counts, matching: 1 },
    });
  });

  it("refuses an unknown person, an unknown part, and two scopes at once", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    expect((await callApi(STATE, { params, query: { personId: "nobody" }, as: as.viewer })).status).toBe(404);
    const part = await callApi(STATE, { params, query: { part: "assignments" }, as: as.viewer });
    expect(part.status).toBe(400);
    expect(part.body.error.fields?.part).toEqual(['part can be "people", "roster" or "duties".']);
    const both = await callApi(STATE, { params, query: { teamId: "a", personId: "b" }, as: as.viewer });
    expect(both.status).toBe(400);
    expect(both.body.error.fields?.teamId).toEqual(["Give at most one of teamId, personId and part."]);
    const paged = await callApi(STATE, { params, query: { part: "roster", limit: "5" }, as: as.viewer });
    expect(paged.status).toBe(400);
    expect(paged.body.error.fields?.part).toEqual(['"find", "overloaded", "offset" and "limit" go with part=people.']);
    for (const [name, value] of <[string, string][]>[
      ["limit", "0"],
      ["limit", "101"],
      ["offset", "-1"],
      ["offset", "x"],
      ["overloaded", "yes"],
      ["find", "a".repeat(201)],
    ]) {
      const wrong = await callApi(STATE, { params, query: { part: "people", [name]: value }, as: as.viewer });
      expect(wrong.status, `${name}=${value}`).toBe(400);
      expect(Object.keys(wrong.body.error.fields ?? {})).toEqual([name]);
    }
  });
});
