import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TErrorBody } from "@/lib/errors";
import type { TMapAnalysis, TRuleFlag } from "@/lib/domain/analyze-map";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import type { TOverview } from "@/lib/domain/overview";
import type { TMapDocument } from "@/lib/domain/map-format";
import { DEFAULT_RULES, listRuleSettings, RULE_IDS, type TRuleSetting } from "@/lib/domain/rules";
import { writingAt } from "@/lib/server/kernel/journal-context";
import { sessionCookie } from "@/lib/server/testing/http";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { createPerson, createTeam, createUser } from "@/prisma/factories";
import type { TRulesPreview } from "./preview-rules";
import type { TRuleView } from "./rule-views";

const RULES = "/api/v1/orgs/[orgSlug]/rules";
const PREVIEW = "POST /api/v1/orgs/[orgSlug]/rules/preview";
const ANALYSIS = "GET /api/v1/orgs/[orgSlug]/analysis";
const OVERVIEW = "GET /api/v1/orgs/[orgSlug]/overview";
const JOURNAL = "GET /api/v1/orgs/[orgSlug]/journal";
const UNDO = "POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo";

type TRules = { rules: TRuleView[] };

/** Two teams whose PO (Pia) and PM (Max) are the same two people: each team has two people, Pia is PO of both. */
async function twoTeams(world: TMapWorld) {
  const organizationId = world.org.id;
  const [pia, max] = await Promise.all(
    ["Pia", "Max"].map((name) => createPerson(db, { organizationId, name, key: name.toLowerCase() })),
  );
  const slots = [
    { key: "po", role: "PO", holderId: pia!.id, allocation: 0.1, order: 0 },
    { key: "pm", role: "PM", holderId: max!.id, allocation: 0.1, order: 1 },
  ];
  const alpha = await createTeam(db, { organizationId, name: "Alpha", key: "alpha", slots });
  const beta = await createTeam(db, { organizationId, name: "Beta", key: "beta", slots });
  return { pia: pia!, max: max!, alpha, beta };
}

const rules = (world: TMapWorld, as = world.as.viewer) =>
  callApi<TRules>(`GET ${RULES}`, { params: { orgSlug: world.org.slug }, as });
const patch = (world: TMapWorld, body: unknown, as = world.as.editor) =>
  callApi<TRules>(`PATCH ${RULES}`, { params: { orgSlug: world.org.slug }, as, body });
const analysis = async (world: TMapWorld) =>
  (await callApi<TMapAnalysis<TRuleFlag>>(ANALYSIS, { params: { orgSlug: world.org.slug }, as: world.as.viewer })).body;
const journal = async (world: TMapWorld) =>
  (await callApi<TJournalPage>(JOURNAL, { params: { orgSlug: world.org.slug }, as: world.as.viewer })).body.groups;
const settings = (answer: TRules) =>
  answer.rules.map(({ id, severity, params, exemptTeams }) => ({ id, severity, params, exemptTeams }));

/** What turning on team size (max 1, Beta exempt) and PO spread (max 1) changes. */
const TEAM_SIZE_AND_PO_SPREAD = {
  rules: [
    { id: "team_size", severity: "on", params: { max: 1 }, exemptTeams: ["beta"] },
    { id: "po_spread", severity: "on", params: { max: 1 } },
  ],
};

describe("rules", () => {
  it("lists every rule at its defaults, with the recommended ones marked, for any member", async () => {
    const world = await createMapWorld();
    const answer = await rules(world);
    expect(answer.status).toBe(200);
    expect(answer.body.rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    expect(settings(answer.body)).toEqual(listRuleSettings(DEFAULT_RULES));
    expect(answer.body.rules.filter((rule) => rule.recommended).map((rule) => rule.id)).toEqual([
      "lean_mismatch",
      "po_spread",
    ]);
    expect(answer.body.rules[0]).toMatchObject({ name: "Unowned duty", scope: "team" });
    expect((await rules(world, world.as.stranger)).status).toBe(404);
  });

  it("turns rules on with parameters: exactly their flags through the analysis and the overview", async () => {
    const world = await createMapWorld();
    const { pia, alpha, beta } = await twoTeams(world);
    const before = await analysis(world);

    const changed = await patch(world, TEAM_SIZE_AND_PO_SPREAD);
    expect(changed.status).toBe(200);
    expect(changed.body.rules.find((rule) => rule.id === "team_size")).toMatchObject({
      severity: "warning",
      params: { max: 1 },
      exemptTeams: ["beta"],
    });
    expect(settings((await rules(world)).body)).toEqual(settings(changed.body));

    const after = await analysis(world);
    const beforeIds = new Set(before.flags.map((flag) => flag.id));
    const added = after.flags.filter((flag) => !beforeIds.has(flag.id));
    expect(added.map(({ kind, severity }) => ({ kind, severity }))).toEqual([
      { kind: "team_size", severity: "warning" },
      { kind: "po_spread", severity: "warning" },
    ]);
    expect(added[0]).toMatchObject({ team: { id: alpha.id }, people: 2 });
    expect(added[1]).toMatchObject({ person: { id: pia.id }, teams: [{ id: alpha.id }, { id: beta.id }] });
    expect(after.flags.length).toBe(before.flags.length + 2);
    expect(after.counts.byKind).toMatchObject({ team_size: 1, po_spread: 1 });

    const overview = await callApi<{ overview: TOverview }>(OVERVIEW, {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    });
    const kinds = Object.fromEntries(overview.body.overview.rows.map((row) => [row.team.key, row.kinds]));
    expect(kinds.alpha).toEqual(expect.arrayContaining(["team_size", "po_spread"]));
    expect(kinds.beta).toContain("po_spread");
    expect(kinds.beta).not.toContain("team_size");
    expect(overview.body.overview.counts.warning).toBe(before.counts.bySeverity.warning + 2);
  });

  it("journals a change in words, undoes it, and brings a rule back to its defaults without a row", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const before = await analysis(world);
    await patch(world, TEAM_SIZE_AND_PO_SPREAD);

    const [group] = await journal(world);
    expect(group!.action).toBe("rules.update");
    expect(group!.entryCount).toBe(2);
    expect(group!.sentence).toBe(
      "Edith Editor turned on “Team size” as a warning and set its max to 1 and exempted beta from “Team size”; " +
        "turned on “PO spread” as a warning and set its max to 1",
    );

    const undone = await callApi<{ group: TJournalGroupView }>(UNDO, {
      params: { orgSlug: world.org.slug, entryId: group!.groupId },
      as: world.as.editor,
    });
    expect(undone.status).toBe(200);
    expect(settings((await rules(world)).body)).toEqual(listRuleSettings(DEFAULT_RULES));
    expect((await analysis(world)).flags).toEqual(before.flags);
    expect(await db.rule.count({ where: { organizationId: world.org.id } })).toBe(0);

    // Setting a rule back to its defaults by hand deletes its row too, and reads as such.
    await patch(world, { rules: [{ id: "idle_slot", severity: "off" }] });
    expect(await db.rule.count({ where: { organizationId: world.org.id } })).toBe(1);
    await patch(world, { rules: [{ id: "idle_slot", severity: "info" }] });
    expect(await db.rule.count({ where: { organizationId: world.org.id } })).toBe(0);
    const [reset, off] = await journal(world);
    expect(off!.sentence).toBe("Edith Editor turned “Idle slot” off");
    expect(reset!.sentence).toBe("Edith Editor put “Idle slot” back to its defaults");

    // An earlier change to a rule changed again since is not undone over the later one.
    await patch(world, { rules: [{ id: "po_spread", params: { max: 3 } }] });
    const [earlier] = await journal(world);
    await patch(world, { rules: [{ id: "po_spread", params: { max: 4 } }] });
    const refused = await callApi(UNDO, {
      params: { orgSlug: world.org.slug, entryId: earlier!.groupId },
      as: world.as.editor,
    });
    expect(refused.status).toBe(409);
    expect((await rules(world)).body.rules.find((rule) => rule.id === "po_spread")?.params).toEqual({ max: 4 });

    // A change that changes nothing is no action.
    const count = (await journal(world)).length;
    expect((await patch(world, { rules: [{ id: "idle_slot", severity: "info" }] })).status).toBe(200);
    expect((await journal(world)).length).toBe(count);
  });

  it("refuses a Viewer's change and a stranger's, and changes nothing", async () => {
    const world = await createMapWorld();
    expect((await patch(world, TEAM_SIZE_AND_PO_SPREAD, world.as.viewer)).status).toBe(403);
    expect((await patch(world, TEAM_SIZE_AND_PO_SPREAD, world.as.stranger)).status).toBe(404);
    expect(settings((await rules(world)).body)).toEqual(listRuleSettings(DEFAULT_RULES));
    expect(await db.rule.count({ where: { organizationId: world.org.id } })).toBe(0);
  });

  it("answers 400 with every problem at once, and changes nothing", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const body = {
      rules: [
        { id: "no_such_rule" },
        { id: "shared_ownership", params: { max: "two" } },
        { id: "too_many_consulted", params: { max: -1 } },
        { id: "team_size", exemptTeams: ["alpha", "gamma"] },
        { id: "po_spread", exemptTeams: ["alpha"] },
      ],
    };
    for (const answer of [
      await patch(world, body),
      await callApi(PREVIEW, { params: { orgSlug: world.org.slug }, as: world.as.viewer, body }),
    ]) {
      expect(answer.status).toBe(400);
      expect(Object.keys((answer.body as TErrorBody).error.fields ?? {}).sort()).toEqual([
        "rules.0.id",
        "rules.1.params.max",
        "rules.2.params.max",
        "rules.3.exemptTeams.1",
        "rules.4.exemptTeams",
      ]);
    }
    expect((await patch(world, "not json at all")).status).toBe(400);
    expect(await db.rule.count({ where: { organizationId: world.org.id } })).toBe(0);
  });

  it("previews a change without saving it: the flags it raises and resolves, and the health before and after", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const before = await analysis(world);
    const preview = await callApi<TRulesPreview>(PREVIEW, {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
      body: { rules: [...TEAM_SIZE_AND_PO_SPREAD.rules, { id: "idle_slot", severity: "off" }] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.flags.introduced.map((flag) => flag.kind)).toEqual(["team_size", "po_spread"]);
    const idle = before.flags.filter((flag) => flag.kind === "idle_slot");
    expect(idle.length).toBeGreaterThan(0);
    expect(preview.body.flags.resolved).toEqual(idle);
    expect(preview.body.score.before).toBe(before.score);
    expect(preview.body.counts.before).toEqual(before.counts.bySeverity);
    expect(preview.body.counts.after.info).toBe(before.counts.bySeverity.info - idle.length);
    expect(settings((await rules(world)).body)).toEqual(listRuleSettings(DEFAULT_RULES));
    expect(await analysis(world)).toEqual(before);
  });

  it("applies two Managers' changes at once one after the other: both kept, two actions in the journal", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const second = await createUser(db, { name: "Second Manager" });
    await db.membership.create({ data: { organizationId: world.org.id, userId: second.id, role: "MANAGER" } });
    const asSecond = { cookie: await sessionCookie(second) };

    const answers = await Promise.all([
      patch(world, {
        rules: [
          { id: "po_spread", params: { max: 3 } },
          { id: "team_size", severity: "info" },
        ],
      }),
      patch(
        world,
        {
          rules: [
            { id: "po_spread", severity: "error" },
            { id: "shared_ownership", params: { max: 2 } },
          ],
        },
        asSecond,
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const now = Object.fromEntries((await rules(world)).body.rules.map((rule) => [rule.id, rule]));
    expect(now.po_spread).toMatchObject({ severity: "error", params: { max: 3 } });
    expect(now.team_size).toMatchObject({ severity: "info" });
    expect(now.shared_ownership).toMatchObject({ params: { max: 2 } });

    const groups = (await journal(world)).filter((group) => group.action === "rules.update");
    expect(groups.map((group) => group.entryCount)).toEqual([2, 2]);
    expect(new Set(groups.map((group) => group.actor.name))).toEqual(new Set(["Edith Editor", "Second Manager"]));
    // The entries chain: the later action's po_spread row starts from what the earlier one left.
    const entries = await db.journalEntry.findMany({
      where: { organizationId: world.org.id, entity: "rule", entityKey: `${world.org.id}:po_spread` },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(2);
    expect(entries[1]!.before).toEqual(entries[0]!.after);
  });

  it("sends today's rules with the map's state, also for a past moment", async () => {
    const world = await createMapWorld();
    const before = new Date(Date.now() - 1_000).toISOString();
    const changed = await patch(world, { rules: [{ id: "team_size", severity: "on", params: { max: 2 } }] });
    for (const query of [{}, { at: before }] as Record<string, string>[]) {
      const state = await callApi<{ rules: unknown[] }>("GET /api/v1/orgs/[orgSlug]/state", {
        params: { orgSlug: world.org.slug },
        query,
        as: world.as.viewer,
      });
      expect(state.body.rules).toEqual(settings(changed.body));
    }
  });

  it("judges every day of the health history by today's rules, also the days it had kept", async () => {
    const world = await createMapWorld();
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await writingAt(twoDaysAgo, () =>
      callApi(`POST /api/v1/orgs/[orgSlug]/teams`, {
        params: { orgSlug: world.org.slug },
        as: world.as.editor,
        body: { name: "Alpha" },
      }),
    );
    type THistory = { days: { day: string; counts: Record<string, number | undefined> }[] };
    const history = async () =>
      (
        await callApi<THistory>("GET /api/v1/orgs/[orgSlug]/health-history", {
          params: { orgSlug: world.org.slug },
          as: world.as.viewer,
        })
      ).body.days;
    // Two days ago the organisation had one team, whose vacant PO and PM were flagged.
    const kept = await history();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.slice(0, -1).map((day) => day.counts.vacant_slot)).toEqual(kept.slice(0, -1).map(() => 2));

    await patch(world, { rules: [{ id: "vacant_slot", severity: "off" }] });
    const judged = await history();
    expect(judged.map((day) => day.counts.vacant_slot)).toEqual(judged.map(() => 0));
  });
});

// Rules in the remit.map/v1 file, in drafts, and following a team's key.

const MAP = "/api/v1/orgs/[orgSlug]/map";
const DRAFTS = "/api/v1/orgs/[orgSlug]/drafts";
type TDocument = TMapDocument & { rules: TRuleSetting[] };
type TComparison = {
  changes: { rules: { changed: { id: string; changes: { field: string; from: string; to: string }[] }[] } };
  flags: { introduced: { kind: string }[]; resolved: { kind: string }[] };
};

const exported = async (world: TMapWorld, orgSlug = world.org.slug) =>
  (await callApi<TDocument>(`GET ${MAP}`, { params: { orgSlug }, as: world.as.viewer })).body;
const imported = (world: TMapWorld, body: unknown, orgSlug = world.org.slug) =>
  callApi<{ imported: object }>(`PUT ${MAP}`, { params: { orgSlug }, as: world.as.editor, body });
const settingOf = (answer: TRules, id: string) => settings(answer).find((rule) => rule.id === id);

async function makeDraft(world: TMapWorld) {
  const answer = await callApi<{ draft: { id: string; slug: string } }>(`POST ${DRAFTS}`, {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: { name: "Plan" },
  });
  expect(answer.status).toBe(201);
  return answer.body.draft;
}

const compare = async (world: TMapWorld, draftId: string) =>
  (
    await callApi<TComparison>(`GET ${DRAFTS}/[draftId]/compare`, {
      params: { orgSlug: world.org.slug, draftId },
      query: { with: "live" },
      as: world.as.viewer,
    })
  ).body;
const publish = (world: TMapWorld, draftId: string, body: object = {}) =>
  callApi<{ groupId: string; conflicts?: { id: string }[] }>(`POST ${DRAFTS}/[draftId]/publish`, {
    params: { orgSlug: world.org.slug, draftId },
    as: world.as.editor,
    body,
  });

describe("rules in the map file", () => {
  it("exports every rule in the catalogue's order; an import into another organisation gives the same export", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    await patch(world, {
      rules: [
        ...TEAM_SIZE_AND_PO_SPREAD.rules,
        { id: "lean_mismatch", severity: "warning", params: { lean: { roadmap: "PM", vision: "PO" } } },
      ],
    });
    const document = await exported(world);
    expect(document.rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    expect(document.rules.find((rule) => rule.id === "team_size")).toEqual({
      id: "team_size",
      severity: "warning",
      params: { max: 1 },
      exemptTeams: ["beta"],
    });

    const other = await createMapWorld();
    expect((await imported(other, document)).status).toBe(200);
    expect(JSON.stringify(await exported(other))).toBe(JSON.stringify(document));
    expect(settings((await rules(other)).body)).toEqual(settings((await rules(world)).body));
    const [group] = await journal(other);
    expect(group!.action).toBe("map.import");
    expect(group!.entries.some((entry) => entry.entity === "rule")).toBe(true);

    // Imported again, nothing changes: no action. Without rules, the rules stay as they are.
    const groups = (await journal(other)).length;
    expect((await imported(other, document)).status).toBe(200);
    expect((await journal(other)).length).toBe(groups);
    const { rules: _rules, ...withoutRules } = document;
    expect((await imported(other, { ...withoutRules, teams: withoutRules.teams.slice(0, 1) })).status).toBe(200);
    const kept = (await rules(other)).body;
    expect(settingOf(kept, "po_spread")).toEqual(settingOf((await rules(world)).body, "po_spread"));
    // …except that a team the import removed is no longer exempt.
    expect(settingOf(kept, "team_size")!.exemptTeams).toEqual([]);
  });

  it("sets the rules a file lists and keeps the others; undo puts them back", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    await patch(world, { rules: [{ id: "po_spread", severity: "on" }] });
    const document = await exported(world);
    const answer = await imported(world, { ...document, rules: [{ id: "team_size", severity: "info" }] });
    expect(answer.status).toBe(200);
    const now = (await rules(world)).body;
    expect(settingOf(now, "team_size")).toMatchObject({ severity: "info", params: { max: 9 } });
    expect(settingOf(now, "po_spread")).toMatchObject({ severity: "warning" });

    const [group] = await journal(world);
    expect(group!.action).toBe("map.import");
    await callApi(UNDO, { params: { orgSlug: world.org.slug, entryId: group!.groupId }, as: world.as.editor });
    expect(settingOf((await rules(world)).body, "team_size")).toMatchObject({ severity: "off" });
  });

  it("refuses a file with wrong rules with every problem at its path, and changes nothing", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const before = await exported(world);
    const groups = (await journal(world)).length;
    const answer = await imported(world, {
      ...before,
      rules: [
        { id: "no_such_rule" },
        { id: "po_spread", params: { max: 0 } },
        { id: "team_size", severity: "on", exemptTeams: ["alpha", "nowhere"] },
        { id: "too_many_consulted", params: { max: "three" } },
      ],
      teams: [...before.teams, { key: "Bad Key", name: "" }],
    });
    expect(answer.status).toBe(400);
    const fields = Object.keys((answer.body as unknown as TErrorBody).error.fields ?? {});
    expect(fields).toEqual(
      expect.arrayContaining([
        "rules[0].id",
        "rules[1].params.max",
        "rules[2].exemptTeams[1]",
        "rules[3].params.max",
        "teams[2].key",
        "teams[2].name",
      ]),
    );
    expect(await exported(world)).toEqual(before);
    expect((await journal(world)).length).toBe(groups);
  });
});

describe("rules in drafts", () => {
  it("copies live's rules; a draft's change stays in it, shows in compare, and publishes as one undoable action", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    await patch(world, { rules: [{ id: "idle_slot", severity: "off" }] });
    const draft = await makeDraft(world);
    const live = (await rules(world)).body;
    const copied = await callApi<TRules>(`GET ${RULES}`, { params: { orgSlug: draft.slug }, as: world.as.viewer });
    expect(settings(copied.body)).toEqual(settings(live));
    // Copied with the map, unjournalled: the draft's journal begins empty.
    const workspace = await db.organization.findUniqueOrThrow({ where: { slug: draft.slug }, select: { id: true } });
    expect(await db.rule.count({ where: { organizationId: workspace.id } })).toBe(1);
    expect(await db.journalEntry.count({ where: { organizationId: workspace.id } })).toBe(0);

    // Changed in the draft: the draft's analysis and preview use it, live's do not.
    const preview = await callApi<TRulesPreview>(PREVIEW, {
      params: { orgSlug: draft.slug },
      as: world.as.viewer,
      body: TEAM_SIZE_AND_PO_SPREAD,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.flags.introduced.length).toBeGreaterThan(0);
    const changed = await callApi<TRules>(`PATCH ${RULES}`, {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: TEAM_SIZE_AND_PO_SPREAD,
    });
    expect(changed.status).toBe(200);
    expect(settings((await rules(world)).body)).toEqual(settings(live));
    const draftAnalysis = (
      await callApi<TMapAnalysis<TRuleFlag>>(ANALYSIS, { params: { orgSlug: draft.slug }, as: world.as.viewer })
    ).body;
    expect(draftAnalysis.counts.byKind.po_spread).toBe(1);
    expect(draftAnalysis.counts.byKind.team_size).toBe(1);
    expect((await analysis(world)).counts.byKind.po_spread).toBeUndefined();

    const compared = await compare(world, draft.id);
    expect(compared.changes.rules.changed.map((rule) => rule.id)).toEqual(["po_spread", "team_size"]);
    expect(compared.flags.introduced.map((flag) => flag.kind).sort()).toEqual(["po_spread", "team_size"]);
    expect(compared.flags.resolved).toEqual([]);

    const published = await publish(world, draft.id);
    expect(published.status).toBe(200);
    expect(settings((await rules(world)).body)).toEqual(settings(changed.body));
    const [group] = await journal(world);
    expect(group!.action).toBe("draft.publish");
    expect(group!.entries.filter((entry) => entry.entity === "rule")).toHaveLength(2);
    expect((await analysis(world)).counts.byKind.po_spread).toBe(1);

    const undone = await callApi(UNDO, {
      params: { orgSlug: world.org.slug, entryId: group!.groupId },
      as: world.as.editor,
    });
    expect(undone.status).toBe(200);
    expect(settings((await rules(world)).body)).toEqual(settings(live));
  });

  it("asks which to keep when live changed a rule the draft changed differently, and keeps live's other changes", async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const draft = await makeDraft(world);
    await callApi(`PATCH ${RULES}`, {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: {
        rules: [
          { id: "po_spread", severity: "error" },
          { id: "person_spread", severity: "on" },
        ],
      },
    });
    await patch(world, {
      rules: [
        { id: "po_spread", severity: "info" },
        { id: "team_size", severity: "on" },
      ],
    });

    const refused = await publish(world, draft.id);
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts!.map((conflict) => conflict.id)).toEqual(["rule:po_spread"]);
    expect(settingOf((await rules(world)).body, "person_spread")).toMatchObject({ severity: "off" });

    expect((await publish(world, draft.id, { choices: { "rule:po_spread": "draft" } })).status).toBe(200);
    const now = (await rules(world)).body;
    expect(settingOf(now, "po_spread")).toMatchObject({ severity: "error" });
    expect(settingOf(now, "person_spread")).toMatchObject({ severity: "warning" });
    expect(settingOf(now, "team_size")).toMatchObject({ severity: "warning" });
  });
});

/**
 * Holds live's organisation row while `first` starts and waits for it, then starts `second` and waits until it waits
 * too, then lets both go: they take the lock in that order.
 */
async function inOrder<A, B>(organizationId: string, first: () => Promise<A>, second: () => Promise<B>) {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => undefined as void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  let holderPid = 0;
  const holder = db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      holderPid = row!.pid;
      await tx.$queryRaw`SELECT id FROM organization WHERE id = ${organizationId} FOR UPDATE`;
      locked();
      await released;
    },
    { timeout: 30_000 },
  );
  await isLocked;
  // Waiting for the holder, or behind a waiter for it (the second waits on the first's lock of the row).
  const waiting = async () => {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity a
      WHERE ${holderPid}::int = ANY(pg_blocking_pids(a.pid)) OR EXISTS (
        SELECT 1 FROM pg_stat_activity f
        WHERE ${holderPid}::int = ANY(pg_blocking_pids(f.pid)) AND f.pid = ANY(pg_blocking_pids(a.pid)))`;
    return row?.waiting ?? 0;
  };
  try {
    const a = first();
    await expect.poll(waiting, { timeout: 10_000 }).toBe(1);
    const b = second();
    await expect.poll(waiting, { timeout: 10_000 }).toBe(2);
    release();
    return [await a, await b] as const;
  } finally {
    release();
    await holder;
  }
}

describe("a live change of a rule and a publish changing it, at once", () => {
  const setUp = async () => {
    const world = await createMapWorld();
    await twoTeams(world);
    const draft = await makeDraft(world);
    await callApi(`PATCH ${RULES}`, {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: { rules: [{ id: "po_spread", severity: "error", params: { max: 1 } }] },
    });
    const groups = (await journal(world)).length;
    const liveChange = () => patch(world, { rules: [{ id: "po_spread", severity: "info", params: { max: 3 } }] });
    const newActions = async () => (await journal(world)).slice(0, -groups || undefined).map((group) => group.action);
    const stored = () =>
      db.rule.findMany({
        where: { organizationId: world.org.id },
        select: { ruleId: true, severity: true, params: true },
      });
    return { world, draft, liveChange, newActions, stored };
  };

  it("publish first: both apply, one after the other, each one action", async () => {
    const { world, draft, liveChange, newActions, stored } = await setUp();
    const [published, patched] = await inOrder(world.org.id, () => publish(world, draft.id), liveChange);
    expect(published.status).toBe(200);
    expect(patched.status).toBe(200);
    expect(await stored()).toEqual([{ ruleId: "po_spread", severity: "info", params: { max: 3 } }]);
    expect(await newActions()).toEqual(["rules.update", "draft.publish"]);
  });

  it("live change first: the publish is refused with the rule's conflict, and nothing of it is written", async () => {
    const { world, draft, liveChange, newActions, stored } = await setUp();
    const [patched, published] = await inOrder(world.org.id, liveChange, () => publish(world, draft.id));
    expect(patched.status).toBe(200);
    expect(published.status).toBe(409);
    expect(published.body.conflicts!.map((conflict) => conflict.id)).toEqual(["rule:po_spread"]);
    expect(await stored()).toEqual([{ ruleId: "po_spread", severity: "info", params: { max: 3 } }]);
    expect(await newActions()).toEqual(["rules.update"]);
  });
});

describe("exempt teams follow the team's key", () => {
  it("keeps a renamed team exempt and drops a deleted one, in the same action, undoable", async () => {
    const world = await createMapWorld();
    const { alpha, beta } = await twoTeams(world);
    await patch(world, {
      rules: [{ id: "team_size", severity: "on", params: { max: 1 }, exemptTeams: ["alpha", "beta"] }],
    });
    const renamed = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: world.org.slug, teamId: alpha.id },
      as: world.as.editor,
      body: { key: "apex" },
    });
    expect(renamed.status).toBe(200);
    expect(settingOf((await rules(world)).body, "team_size")!.exemptTeams).toEqual(["apex", "beta"]);
    expect((await analysis(world)).counts.byKind.team_size).toBe(0);
    const [renaming] = await journal(world);
    expect(renaming!.action).toBe("team.update");
    expect(renaming!.entries.map((entry) => entry.entity).sort()).toEqual(["rule", "team"]);
    expect(renaming!.sentence).toMatch(/^Edith Editor .*Alpha.*, with 1 other change$/);

    const undo = async (groupId: string) =>
      (await callApi(UNDO, { params: { orgSlug: world.org.slug, entryId: groupId }, as: world.as.editor })).status;
    expect(await undo(renaming!.groupId)).toBe(200);
    expect(settingOf((await rules(world)).body, "team_size")!.exemptTeams).toEqual(["alpha", "beta"]);

    const removed = await callApi("DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: world.org.slug, teamId: beta.id },
      as: world.as.editor,
    });
    expect(removed.status).toBe(200);
    expect(settingOf((await rules(world)).body, "team_size")!.exemptTeams).toEqual(["alpha"]);
    const [deleting] = await journal(world);
    expect(deleting!.action).toBe("team.delete");
    expect(await undo(deleting!.groupId)).toBe(200);
    expect(settingOf((await rules(world)).body, "team_size")!.exemptTeams).toEqual(["alpha", "beta"]);
  });
});
