import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TErrorBody } from "@/lib/errors";
import type { TMapAnalysis, TRuleFlag } from "@/lib/domain/analyze-map";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import type { TOverview } from "@/lib/domain/overview";
import { DEFAULT_RULES, listRuleSettings, RULE_IDS } from "@/lib/domain/rules";
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

  it("judges drafts by their live organisation's rules: analysis, compare and rules; a draft's own change is refused", async () => {
    const world = await createMapWorld();
    await callApi(`POST /api/v1/orgs/[orgSlug]/teams`, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { name: "Alpha" },
    });
    const drafted = await callApi<{ draft: { id: string; slug: string } }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { name: "Plan" },
    });
    const draft = drafted.body.draft;
    const draftAnalysis = async () =>
      (
        await callApi<TMapAnalysis<TRuleFlag>>("GET /api/v1/orgs/[orgSlug]/drafts/[draftId]/analysis", {
          params: { orgSlug: world.org.slug, draftId: draft.id },
          as: world.as.viewer,
        })
      ).body;
    expect((await draftAnalysis()).counts.byKind.no_responsible).toBeUndefined();

    await patch(world, { rules: [{ id: "no_responsible", severity: "on" }] });
    // The draft's cached analysis went with the live organisation's rules.
    const required = (await analysis(world)).counts.byKind.no_responsible;
    expect(required).toBeGreaterThan(0);
    expect((await draftAnalysis()).counts.byKind.no_responsible).toBe(required);
    const compared = await callApi<{ flags: { introduced: unknown[]; resolved: unknown[] } }>(
      "GET /api/v1/orgs/[orgSlug]/drafts/[draftId]/compare",
      { params: { orgSlug: world.org.slug, draftId: draft.id }, query: { with: "live" }, as: world.as.viewer },
    );
    expect(compared.body.flags).toEqual({ introduced: [], resolved: [] });
    expect(
      settings((await callApi<TRules>(`GET ${RULES}`, { params: { orgSlug: draft.slug }, as: world.as.viewer })).body),
    ).toEqual(settings((await rules(world)).body));
    const refused = await callApi(`PATCH ${RULES}`, {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: { rules: [{ id: "team_size", severity: "on" }] },
    });
    expect(refused.status).toBe(409);
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
