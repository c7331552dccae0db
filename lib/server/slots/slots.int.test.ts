import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createAssignment, createPerson, createTeam } from "@/prisma/factories";
import type { TDeletedSlot } from "./delete-slot";
import type { TSlotView } from "@/lib/server/kernel/slot-view";

const SLOTS = "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots";
const SLOT = "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]";

describe("slots", () => {
  it("adds a slot after the others, held by a person given by key, with a key from its title or role", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id, key: "checkout" });
    const ada = await createPerson(db, { organizationId: org.id, name: "Ada", key: "ada" });
    const params = { orgSlug: org.slug, teamId: "checkout" };

    const lead = await callApi<{ slot: TSlotView }>(`POST ${SLOTS}`, {
      params,
      as: as.editor,
      body: { role: "Tech lead", holderId: "ada", allocation: 0.5 },
    });
    expect(lead.status).toBe(201);
    expect(lead.body.slot).toEqual({
      id: expect.any(String),
      key: "tech-lead",
      teamId: team.id,
      role: "Tech lead",
      title: null,
      holderId: ada.id,
      holder: { id: ada.id, key: "ada", name: "Ada" },
      holderUntil: null,
      nextHolderId: null,
      nextHolder: null,
      nextHolderFrom: null,
      allocation: 0.5,
      order: 2,
      assignmentCount: 0,
    });
    const titled = await callApi<{ slot: TSlotView }>(`POST ${SLOTS}`, {
      params,
      as: as.editor,
      body: { role: " po ", title: "Senior PO" },
    });
    expect(titled.body.slot).toMatchObject({ key: "senior-po", role: "PO", holderId: null, allocation: 1, order: 3 });
    const second = await callApi<{ slot: TSlotView }>(`POST ${SLOTS}`, {
      params,
      as: as.editor,
      body: { role: "Tech lead" },
    });
    expect(second.body.slot.key).toBe("tech-lead-2");

    const list = await callApi<{ slots: TSlotView[] }>(`GET ${SLOTS}`, { params, as: as.viewer });
    expect(list.body.slots.map((slot) => slot.key)).toEqual(["po", "pm", "tech-lead", "senior-po", "tech-lead-2"]);
  });

  it("keeps slot keys unique in their team only", async () => {
    const { org, as } = await createMapWorld();
    const one = await createTeam(db, { organizationId: org.id });
    const two = await createTeam(db, { organizationId: org.id });
    const body = { role: "Designer", key: "design" };
    expect(
      (await callApi(`POST ${SLOTS}`, { params: { orgSlug: org.slug, teamId: one.id }, as: as.editor, body })).status,
    ).toBe(201);
    expect(
      (await callApi(`POST ${SLOTS}`, { params: { orgSlug: org.slug, teamId: two.id }, as: as.editor, body })).status,
    ).toBe(201);
    const clash = await callApi(`POST ${SLOTS}`, {
      params: { orgSlug: org.slug, teamId: one.id },
      as: as.editor,
      body,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.fields?.key?.[0]).toMatch(/in this team/);
  });

  it("fills, vacates and moves a slot; its assignments stay", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id });
    const pm = team.slots[1];
    const ada = await createPerson(db, { organizationId: org.id, key: "ada" });
    const duty = await db.duty.findFirstOrThrow({ where: { organizationId: org.id }, select: { id: true } });
    await createAssignment(db, { organizationId: org.id, slotId: pm!.id, dutyId: duty.id });
    const params = { orgSlug: org.slug, teamId: team.id, slotId: "pm" };

    const filled = await callApi<{ slot: TSlotView }>(`PATCH ${SLOT}`, {
      params,
      as: as.editor,
      body: { holderId: ada.id, allocation: 0.25, title: "Growth PM", order: 0 },
    });
    expect(filled.status).toBe(200);
    expect(filled.body.slot).toMatchObject({
      key: "pm",
      holderId: ada.id,
      allocation: 0.25,
      title: "Growth PM",
      order: 0,
      assignmentCount: 1,
    });
    const list = await callApi<{ slots: TSlotView[] }>(`GET ${SLOTS}`, { params, as: as.viewer });
    expect(list.body.slots.map((slot) => [slot.key, slot.order])).toEqual([
      ["pm", 0],
      ["po", 1],
    ]);

    const vacated = await callApi<{ slot: TSlotView }>(`PATCH ${SLOT}`, {
      params,
      as: as.editor,
      body: { holderId: null, title: null },
    });
    expect(vacated.body.slot).toMatchObject({ holderId: null, holder: null, title: null });
    expect(await db.assignment.count({ where: { slotId: pm!.id } })).toBe(1);
  });

  it("refuses a holder from another organisation, and bad values with every field error", async () => {
    const { org, other, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id });
    const theirs = await createPerson(db, { organizationId: other.id, key: "theirs" });
    const params = { orgSlug: org.slug, teamId: team.id, slotId: "po" };
    for (const holderId of [theirs.id, "theirs"]) {
      const answer = await callApi(`PATCH ${SLOT}`, { params, as: as.editor, body: { holderId } });
      expect(answer.status).toBe(404);
      expect(answer.body.error.fields?.holderId).toHaveLength(1);
    }
    const bad = await callApi(`POST ${SLOTS}`, {
      params,
      as: as.editor,
      body: { role: "", allocation: 0, holderId: 5, order: 1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["", "allocation", "holderId", "role"]);
    expect((await callApi(`PATCH ${SLOT}`, { params, as: as.editor, body: { allocation: 1.5 } })).status).toBe(400);
  });

  it("deletes a slot with its assignments, and says how many", async () => {
    const { org, as } = await createMapWorld();
    const team = await createTeam(db, { organizationId: org.id });
    const duties = await db.duty.findMany({ where: { organizationId: org.id }, select: { id: true }, take: 3 });
    for (const duty of duties)
      await createAssignment(db, { organizationId: org.id, slotId: team.slots[0]!.id, dutyId: duty.id });
    const params = { orgSlug: org.slug, teamId: team.key, slotId: team.slots[0]!.id };
    const preview = await callApi<{ slot: TSlotView }>(`GET ${SLOT}`, { params, as: as.viewer });
    expect(preview.body.slot.assignmentCount).toBe(3);
    const deleted = await callApi<{ deleted: TDeletedSlot }>(`DELETE ${SLOT}`, { params, as: as.editor });
    expect(deleted.body.deleted).toEqual({ id: team.slots[0]!.id, key: "po", assignments: 3 });
    expect(await db.assignment.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("answers 404 for a slot of another team, or of another organisation's team", async () => {
    const { org, other, as } = await createMapWorld();
    const mine = await createTeam(db, { organizationId: org.id });
    const sibling = await createTeam(db, { organizationId: org.id });
    const theirs = await createTeam(db, { organizationId: other.id });
    const cases = [
      { orgSlug: org.slug, teamId: mine.id, slotId: sibling.slots[0]!.id },
      { orgSlug: org.slug, teamId: theirs.id, slotId: theirs.slots[0]!.id },
      { orgSlug: org.slug, teamId: mine.id, slotId: theirs.slots[0]!.id },
    ];
    for (const params of cases) {
      expect((await callApi(`GET ${SLOT}`, { params, as: as.editor })).status).toBe(404);
      expect((await callApi(`PATCH ${SLOT}`, { params, as: as.editor, body: { role: "X" } })).status).toBe(404);
      expect((await callApi(`DELETE ${SLOT}`, { params, as: as.editor })).status).toBe(404);
    }
    expect(
      (await callApi(`GET ${SLOTS}`, { params: { orgSlug: org.slug, teamId: theirs.id }, as: as.editor })).status,
    ).toBe(404);
    expect(await db.slot.count({ where: { teamId: theirs.id, role: "PO" } })).toBe(1);
  });
});
