import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TAssignmentCell } from "@/lib/server/kernel/assignment-cell";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import type { TMapDocument } from "@/lib/domain/map-format";
import { createAssignment, createDuty, createTeam } from "@/prisma/factories";
import type { TDeletedTeam } from "./delete-team";
import type { TTeamDetail, TTeamSummary } from "./team-view";

const TEAMS = "/api/v1/orgs/[orgSlug]/teams";
const TEAM = "/api/v1/orgs/[orgSlug]/teams/[teamId]";

describe("teams", () => {
  it("creates a team with a vacant PO and PM slot and a key made from its name", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    const first = await callApi<{ team: TTeamDetail }>(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "  Checkout Team ", description: "Takes the money." },
    });
    expect(first.status).toBe(201);
    expect(first.body.team).toMatchObject({
      key: "checkout-team",
      name: "Checkout Team",
      description: "Takes the money.",
    });
    expect(
      first.body.team.slots.map(({ key, role, holderId, allocation, order }) => ({
        key,
        role,
        holderId,
        allocation,
        order,
      })),
    ).toEqual([
      { key: "po", role: "PO", holderId: null, allocation: 1, order: 0 },
      { key: "pm", role: "PM", holderId: null, allocation: 1, order: 1 },
    ]);
    expect(first.body.team.assignments).toEqual([]);

    const second = await callApi<{ team: TTeamDetail }>(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "Checkout team" },
    });
    expect(second.body.team.key).toBe("checkout-team-2");
    const named = await callApi<{ team: TTeamDetail }>(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "支付", key: "payments" },
    });
    expect(named.body.team.key).toBe("payments");

    const list = await callApi<{ teams: TTeamSummary[] }>(`GET ${TEAMS}`, { params, as: as.viewer });
    expect(list.status).toBe(200);
    expect(list.body.teams.map((team) => team.key)).toEqual(["checkout-team", "checkout-team-2", "payments"]);
    expect(list.body.teams[0]).toMatchObject({ assignmentCount: 0, slots: [{ key: "po" }, { key: "pm" }] });
  });

  it("finds a team by id or by key", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id, name: "Search", key: "search" });
    for (const teamId of [team.id, "search"]) {
      const answer = await callApi<{ team: TTeamDetail }>(`GET ${TEAM}`, {
        params: { orgSlug: org.slug, teamId },
        as: as.viewer,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.team).toMatchObject({ id: team.id, key: "search", name: "Search" });
    }
  });

  it("renames a team without changing its key, and changes the key only when asked", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id, name: "Search", key: "search" });
    await createTeam(db, { organizationId: org.id, name: "Growth", key: "growth" });
    const params = { orgSlug: org.slug, teamId: team.id };

    const renamed = await callApi<{ team: TTeamDetail }>(`PATCH ${TEAM}`, {
      params,
      as: as.editor,
      body: { name: "Discovery", description: null },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.team).toMatchObject({ key: "search", name: "Discovery", description: null });

    const taken = await callApi(`PATCH ${TEAM}`, { params, as: as.editor, body: { key: "growth" } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields?.key?.[0]).toMatch(/already has the key "growth"/);

    const rekeyed = await callApi<{ team: TTeamDetail }>(`PATCH ${TEAM}`, {
      params,
      as: as.editor,
      body: { key: "discovery" },
    });
    expect(rekeyed.body.team.key).toBe("discovery");
    const same = await callApi<{ team: TTeamDetail }>(`PATCH ${TEAM}`, {
      params,
      as: as.editor,
      body: { key: "discovery" },
    });
    expect(same.status).toBe(200);
  });

  it("refuses bad input with every field error, and a duplicate key with 409", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    const bad = await callApi(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "", key: "Not A Key", description: 7, colour: "red" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["", "description", "key", "name"]);
    expect(bad.body.error.fields?.[""]?.[0]).toMatch(/Remove "colour"/);

    expect((await callApi(`POST ${TEAMS}`, { params, as: as.editor, body: "not json" })).status).toBe(400);
    expect((await callApi(`POST ${TEAMS}`, { params, as: as.editor, body: [] })).status).toBe(400);
    const nul = await callApi(`POST ${TEAMS}`, { params, as: as.editor, body: { name: "Nul\u0000team" } });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields?.name?.[0]).toMatch(/NUL/);

    const nothing = await callApi(`PATCH ${TEAM}`, { params: { ...params, teamId: "x" }, as: as.editor, body: {} });
    expect(nothing.status).toBe(400);

    await callApi(`POST ${TEAMS}`, { params, as: as.editor, body: { name: "Growth", key: "growth" } });
    const duplicate = await callApi(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "Growth", key: "growth" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields?.key).toHaveLength(1);
  });

  it("deletes a team with its slots and assignments, and says how many", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id });
    const duty = await createDuty(db, { organizationId: org.id });
    for (const slot of team.slots)
      await createAssignment(db, { organizationId: org.id, slotId: slot.id, dutyId: duty.id });

    const deleted = await callApi<{ deleted: TDeletedTeam }>(`DELETE ${TEAM}`, {
      params: { orgSlug: org.slug, teamId: team.key },
      as: as.editor,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({ id: team.id, key: team.key, slots: 2, assignments: 2 });
    expect(await db.slot.count({ where: { teamId: team.id } })).toBe(0);
    expect(await db.assignment.count({ where: { dutyId: duty.id } })).toBe(0);
    expect(
      (await callApi(`GET ${TEAM}`, { params: { orgSlug: org.slug, teamId: team.id }, as: as.viewer })).status,
    ).toBe(404);
  });

  it("answers 404 for another organisation's team, by id or key, or for nonsense, and leaves it alone", async () => {
    const { org, other, as } = await createMapWorld();
    const theirs = await createTeam(db, { organizationId: other.id, name: "Theirs", key: "theirs" });
    for (const teamId of [theirs.id, theirs.key, "no\u0000such team"]) {
      const params = { orgSlug: org.slug, teamId };
      for (const [route, body] of [
        [`GET ${TEAM}`, undefined],
        [`PATCH ${TEAM}`, { name: "Mine now" }],
        [`DELETE ${TEAM}`, undefined],
      ] as const) {
        const answer = await callApi(route, { params, as: as.editor, body });
        expect(answer.status, route).toBe(404);
      }
    }
    expect(await db.team.findUnique({ where: { id: theirs.id }, select: { name: true } })).toEqual({ name: "Theirs" });
  });

  it("shows a team's assignments in catalogue order, then slot order", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id });
    const [po, pm] = team.slots;
    const duties = await db.duty.findMany({ where: { organizationId: org.id }, orderBy: { order: "asc" }, take: 2 });
    await createAssignment(db, { organizationId: org.id, slotId: pm!.id, dutyId: duties[1]!.id, level: "consulted" });
    await createAssignment(db, { organizationId: org.id, slotId: pm!.id, dutyId: duties[0]!.id, level: "responsible" });
    await createAssignment(db, { organizationId: org.id, slotId: po!.id, dutyId: duties[1]!.id });
    const answer = await callApi<{ team: TTeamDetail }>(`GET ${TEAM}`, {
      params: { orgSlug: org.slug, teamId: team.id },
      as: as.viewer,
    });
    expect(answer.body.team.assignments.map((cell: TAssignmentCell) => [cell.dutyId, cell.slotId, cell.level])).toEqual(
      [
        [duties[0]!.id, pm!.id, "responsible"],
        [duties[1]!.id, po!.id, "accountable"],
        [duties[1]!.id, pm!.id, "consulted"],
      ],
    );
  });

  it("keeps a team's group: set, shown, trimmed, taken away, in the journal's words and through export and import", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    const created = await callApi<{ team: TTeamDetail }>(`POST ${TEAMS}`, {
      params,
      as: as.editor,
      body: { name: "Checkout", group: "  Commerce " },
    });
    expect(created.body.team.group).toBe("Commerce");
    const team = { ...params, teamId: "checkout" };
    const moved = await callApi<{ team: TTeamDetail }>(`PATCH ${TEAM}`, {
      params: team,
      as: as.editor,
      body: { group: "Payments area" },
    });
    expect(moved.status).toBe(200);
    const shown = await callApi<{ team: TTeamDetail }>(`GET ${TEAM}`, { params: team, as: as.viewer });
    expect(shown.body.team.group).toBe("Payments area");
    const tooLong = await callApi(`PATCH ${TEAM}`, { params: team, as: as.editor, body: { group: "x".repeat(121) } });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain("A group has at most 120 characters");

    const history = await callApi<{ groups: { sentence: string }[] }>("GET /api/v1/orgs/[orgSlug]/journal", {
      params,
      as: as.viewer,
    });
    expect(history.body.groups.map((group) => group.sentence).join("\n")).toContain(
      "moved “Checkout” to group “Payments area”",
    );

    const MAP = "/api/v1/orgs/[orgSlug]/map";
    const exported = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(exported.body.teams.find((entry) => entry.key === "checkout")?.group).toBe("Payments area");
    const document = {
      ...exported.body,
      teams: exported.body.teams.map((entry) => (entry.key === "checkout" ? { ...entry, group: "Platform" } : entry)),
    };
    expect((await callApi(`PUT ${MAP}`, { params, as: as.editor, body: document })).status).toBe(200);
    const imported = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(imported.body.teams.find((entry) => entry.key === "checkout")?.group).toBe("Platform");

    // "" or null takes the team out of its group; the document then leaves the field out.
    await callApi(`PATCH ${TEAM}`, { params: team, as: as.editor, body: { group: "" } });
    expect((await callApi<{ team: TTeamDetail }>(`GET ${TEAM}`, { params: team, as: as.viewer })).body.team.group).toBe(
      null,
    );
    const ungrouped = await callApi<TMapDocument>(`GET ${MAP}`, { params, as: as.viewer });
    expect(ungrouped.body.teams.find((entry) => entry.key === "checkout")).not.toHaveProperty("group");
    const count = await db.team.count({ where: { organizationId: org.id, group: { not: null } } });
    expect(count).toBe(0);
  });
});
