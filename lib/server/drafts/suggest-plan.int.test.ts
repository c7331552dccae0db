import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { DEFAULT_RULES } from "@/lib/domain/rules";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";

const PLANS = "POST /api/v1/orgs/[orgSlug]/plans";
type TRef = { key: string };
type TFlag = {
  id: string;
  severity: string;
  kind: string;
  message: string;
  team?: TRef;
  duty?: TRef;
  slot?: TRef;
  person?: TRef;
};
type TPlan = {
  draft: TDraftView | null;
  plan: {
    status: string;
    message: string;
    changes: {
      kind: string;
      summary: string;
      team: { key: string; name: string };
      slot: { key: string };
      toAllocation: number | null;
      resolves: TFlag[];
    }[];
    resolved: TFlag[];
    introduced: TFlag[];
    notCleared: { flag: TFlag; reason: string }[];
    isOptimal: boolean;
    holderPool: string | null;
    gap: number | null;
  };
};
type TSlotState = { teamId: string; key: string; allocation: number };
/**
 * A flag by the keys of what its id names (a draft's copy of the map has ids of its own): an idle slot is the slot's
 * whoever holds it.
 */
const key = (flag: TFlag) =>
  [flag.kind, flag.team?.key, flag.duty?.key, flag.slot?.key ?? flag.person?.key, flag.severity].join(":");

async function flagsOf(world: TMapWorld, slug: string): Promise<TFlag[]> {
  const answer = await callApi<{ flags: TFlag[] }>("GET /api/v1/orgs/[orgSlug]/analysis", {
    params: { orgSlug: slug },
    as: world.as.viewer,
  });
  expect(answer.status).toBe(200);
  return answer.body.flags;
}

/** The draft has none of the flags the plan says it cleared, every one it announced and no other new one. */
async function expectFlagsAsAnnounced(world: TMapWorld, before: readonly TFlag[], { draft, plan }: TPlan) {
  const after = await flagsOf(world, draft!.slug);
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  // None of the flags it says it cleared is in the draft; each was there before.
  for (const flag of plan.resolved) {
    expect(afterKeys.has(key(flag)), key(flag)).toBe(false);
    expect(beforeKeys.has(key(flag)), key(flag)).toBe(true);
  }
  // Every flag the draft has that live did not is one it announced.
  const announced = new Set(plan.introduced.map(key));
  expect(after.filter((flag) => !beforeKeys.has(key(flag))).map(key)).toEqual(
    [...announced].filter((k) => afterKeys.has(k)),
  );
  for (const k of announced) expect(afterKeys.has(k)).toBe(true);
  // And the flags it could not clear are still there, each with a reason.
  for (const { flag, reason } of plan.notCleared) {
    expect(afterKeys.has(key(flag))).toBe(true);
    expect(reason).not.toBe("");
  }
}

/** The world's organisation with a generated map of `teams` teams. */
async function worldWithMap(teams: number, seed = 3) {
  const world = await createMapWorld();
  const imported = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: mapToDocument(generateMap({ teams, seed, peoplePerTeam: 4 }), DEFAULT_RULES),
  });
  expect(imported.status).toBe(200);
  return world;
}

describe("POST plans", () => {
  it("writes a draft that has none of the flags the plan says it cleared, and only the new ones it announced", async () => {
    const world = await worldWithMap(6);
    const before = await flagsOf(world, world.org.slug);
    const answer = await callApi<TPlan>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors_and_warnings", timeLimitSeconds: 20 },
    });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
    const { draft, plan } = answer.body;
    expect(plan.status).toBe("planned");
    // Proven by the solver; optimal among every plan only when nobody who could help was left out.
    expect(plan.gap).toBe(0);
    expect(plan.isOptimal).toBe(plan.holderPool === null);
    expect(plan.message).toMatch(plan.holderPool === null ? /; proven optimal\.$/ : /; proven optimal among the plans/);
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.resolved.length).toBeGreaterThan(0);

    await expectFlagsAsAnnounced(world, before, answer.body);

    // Live is untouched; the draft's History has the plan as one action.
    expect((await flagsOf(world, world.org.slug)).map(key)).toEqual(before.map(key));
    const journal = await callApi<{ groups: { action: string }[] }>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: draft!.slug },
      as: world.as.viewer,
    });
    expect(journal.body.groups.map((group) => group.action)).toEqual(["draft.plan"]);
    expect(draft!.description).toContain(plan.message);
  });

  it("lowers allocations in the draft to clear overloads, as announced", async () => {
    const world = await worldWithMap(6);
    const before = await flagsOf(world, world.org.slug);
    expect(before.some((flag) => flag.kind === "overloaded_person")).toBe(true);
    // Holders kept: an overload can only be cleared by a lower allocation.
    const answer = await callApi<TPlan>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors_and_warnings", allowHolderChanges: false, timeLimitSeconds: 20 },
    });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
    const { draft, plan } = answer.body;
    const lowered = plan.changes.filter((change) => change.kind === "allocation");
    expect(lowered.length).toBeGreaterThan(0);
    expect(plan.changes.some((change) => change.kind === "holder")).toBe(false);
    expect(lowered.flatMap((change) => change.resolves).every((flag) => flag.kind === "overloaded_person")).toBe(true);
    expect(plan.resolved.some((flag) => flag.kind === "overloaded_person")).toBe(true);
    await expectFlagsAsAnnounced(world, before, answer.body);
    // The draft's slots have the allocations the plan chose.
    const state = await callApi<{ map: { teams: { id: string; key: string }[]; slots: TSlotState[] } }>(
      "GET /api/v1/orgs/[orgSlug]/state",
      { params: { orgSlug: draft!.slug }, as: world.as.viewer },
    );
    const teamKey = new Map(state.body.map.teams.map((team) => [team.id, team.key]));
    for (const change of lowered) {
      const slot = state.body.map.slots.find(
        (entry) => teamKey.get(entry.teamId) === change.team.key && entry.key === change.slot.key,
      );
      expect(slot?.allocation, change.summary).toBe(change.toAllocation);
    }
  });

  it("plans from a draft: the new draft starts from it, and the plan judges its map", async () => {
    const world = await worldWithMap(3, 9);
    const source = await callApi<{ draft: TDraftView }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { name: "Rename first" },
    });
    expect(source.status).toBe(201);
    const renamed = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: source.body.draft.slug, teamId: "checkout" },
      as: world.as.editor,
      body: { name: "Checkout renamed in the draft" },
    });
    expect(renamed.status).toBe(200);
    const answer = await callApi<TPlan>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors", from: source.body.draft.id },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.draft).not.toBeNull();
    const teams = await callApi<{ map: { teams: { key: string; name: string }[] } }>(
      "GET /api/v1/orgs/[orgSlug]/state",
      { params: { orgSlug: answer.body.draft!.slug }, as: world.as.viewer },
    );
    expect(teams.body.map.teams.find((team) => team.key === "checkout")?.name).toBe("Checkout renamed in the draft");
    // The plan read the draft's map: its changes name the team as the draft does.
    const inCheckout = answer.body.plan.changes.filter((change) => change.team.key === "checkout");
    for (const change of inCheckout) expect(change.team.name).toBe("Checkout renamed in the draft");
    const after = await flagsOf(world, answer.body.draft!.slug);
    const afterKeys = new Set(after.map(key));
    for (const flag of answer.body.plan.resolved) expect(afterKeys.has(key(flag)), key(flag)).toBe(false);
  });

  it("keeps locked teams as they are", async () => {
    const world = await worldWithMap(4, 5);
    const before = await flagsOf(world, world.org.slug);
    const flagged = before.find((flag) => flag.severity === "error" && "team" in flag) as TFlag & {
      team: { key: string };
    };
    const answer = await callApi<TPlan>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors", lockedTeams: [flagged.team.key] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.plan.notCleared.find((entry) => key(entry.flag) === key(flagged))?.reason).toBe(
      "Its team is locked.",
    );
    // The draft says so too.
    expect(answer.body.draft?.description).toContain(`Not cleared: ${flagged.message} Its team is locked.`);
  });

  it("refuses bad input with every problem at once", async () => {
    const world = await worldWithMap(2);
    const other = await createMapWorld();
    const theirs = await callApi<{ draft: TDraftView }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: other.org.slug },
      as: other.as.editor,
      body: { name: "Theirs" },
    });
    expect(theirs.status).toBe(201);
    const answer = await callApi<{ error: { fields: Record<string, string[]> } }>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors", lockedTeams: ["no-such-team"], lockedPeople: ["nobody"], from: theirs.body.draft.id },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(["from", "lockedPeople[0]", "lockedTeams[0]"]);

    const zero = await callApi<{ error: { fields: Record<string, string[]> } }>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "everything", maxChanges: 0 },
    });
    expect(zero.status).toBe(400);
    expect(Object.keys(zero.body.error.fields).sort()).toEqual(["clear", "maxChanges"]);
  });

  it("says so plainly when there is nothing to clear, and makes no draft", async () => {
    const world = await createMapWorld();
    const answer = await callApi<TPlan>(PLANS, {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { clear: "errors_and_warnings" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.draft).toBeNull();
    expect(answer.body.plan.message).toBe(
      "No team the plan may change has an error or a warning to clear. No draft was made.",
    );
    expect(await db.draft.count({ where: { organizationId: world.org.id } })).toBe(0);
  });
});
