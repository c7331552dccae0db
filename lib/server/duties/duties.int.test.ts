import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_DUTIES } from "@/lib/domain/duty-catalogue";
import type { TOrganizationSummary } from "@/lib/server/auth/authorize";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createAssignment, createTeam } from "@/prisma/factories";
import type { TDeletedDuty } from "./delete-duty";
import type { TDutyView } from "./duty-view";

const DUTIES = "/api/v1/orgs/[orgSlug]/duties";
const DUTY = "/api/v1/orgs/[orgSlug]/duties/[dutyId]";

async function dutyKeys(orgSlug: string, as: { cookie: string }): Promise<string[]> {
  const answer = await callApi<{ duties: TDutyView[] }>(`GET ${DUTIES}`, { params: { orgSlug }, as });
  return answer.body.duties.map((duty) => duty.key);
}

describe("duties", () => {
  it("gives a new organisation the default catalogue, in order", async () => {
    const { as } = await createMapWorld();
    const created = await callApi<{ organization: TOrganizationSummary }>("POST /api/v1/orgs", {
      as: as.editor,
      body: { name: "Fresh", slug: `fresh-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` },
    });
    expect(created.status).toBe(201);
    const answer = await callApi<{ duties: TDutyView[] }>(`GET ${DUTIES}`, {
      params: { orgSlug: created.body.organization.slug },
      as: as.editor,
    });
    expect(
      answer.body.duties.map(({ key, name, description, required, order, assignmentCount }) => ({
        key,
        name,
        description,
        required,
        order,
        assignmentCount,
      })),
    ).toEqual(DEFAULT_DUTIES.map((duty, order) => ({ ...duty, order, assignmentCount: 0 })));
  });

  it("adds a duty at the end of the catalogue with a key from its name", async () => {
    const { org, as } = await createMapWorld();
    const added = await callApi<{ duty: TDutyView }>(`POST ${DUTIES}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: { name: "Incident response", required: false },
    });
    expect(added.status).toBe(201);
    expect(added.body.duty).toMatchObject({
      key: "incident-response",
      description: "",
      required: false,
      order: DEFAULT_DUTIES.length,
    });
    expect((await dutyKeys(org.slug, as.viewer)).at(-1)).toBe("incident-response");

    const taken = await callApi(`POST ${DUTIES}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: { name: "V", key: "vision" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields?.key?.[0]).toMatch(/"vision"/);
  });

  it("moves a duty to a position and renumbers the catalogue around it", async () => {
    const { org, as } = await createMapWorld();
    const keys = DEFAULT_DUTIES.map((duty) => duty.key);
    const moved = await callApi<{ duty: TDutyView }>(`PATCH ${DUTY}`, {
      params: { orgSlug: org.slug, dutyId: "data-analysis" },
      as: as.editor,
      body: { order: 1, name: "Data and analytics" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.duty).toMatchObject({ key: "data-analysis", name: "Data and analytics", order: 1 });
    expect(await dutyKeys(org.slug, as.viewer)).toEqual([keys[0], "data-analysis", ...keys.slice(1, -1)]);

    await callApi(`PATCH ${DUTY}`, {
      params: { orgSlug: org.slug, dutyId: "vision" },
      as: as.editor,
      body: { order: 99 },
    });
    const answer = await callApi<{ duties: TDutyView[] }>(`GET ${DUTIES}`, {
      params: { orgSlug: org.slug },
      as: as.viewer,
    });
    expect(answer.body.duties.map((duty) => duty.order)).toEqual([...keys.keys()]);
    expect(answer.body.duties.at(-1)!.key).toBe("vision");
  });

  it("keeps the catalogue in one piece when two moves happen at once", async () => {
    const { org, as } = await createMapWorld();
    await Promise.all(
      ["roadmap", "delivery", "vision", "strategy"].map((dutyId, index) =>
        callApi(`PATCH ${DUTY}`, { params: { orgSlug: org.slug, dutyId }, as: as.editor, body: { order: index * 3 } }),
      ),
    );
    const answer = await callApi<{ duties: TDutyView[] }>(`GET ${DUTIES}`, {
      params: { orgSlug: org.slug },
      as: as.viewer,
    });
    expect(answer.body.duties.map((duty) => duty.order)).toEqual([...DEFAULT_DUTIES.keys()]);
  });

  it("says how many assignments deleting a duty removes, then removes them with it", async () => {
    const { org, as } = await createMapWorld();
    const duty = await db.duty.findFirstOrThrow({
      where: { organizationId: org.id, key: "roadmap" },
      select: { id: true },
    });
    for (const name of ["A", "B"]) {
      const team = await createTeam(db, { organizationId: org.id, name });
      for (const slot of team.slots)
        await createAssignment(db, { organizationId: org.id, slotId: slot.id, dutyId: duty.id });
    }
    const params = { orgSlug: org.slug, dutyId: "roadmap" };
    const preview = await callApi<{ duty: TDutyView }>(`GET ${DUTY}`, { params, as: as.viewer });
    expect(preview.body.duty.assignmentCount).toBe(4);

    const deleted = await callApi<{ deleted: TDeletedDuty }>(`DELETE ${DUTY}`, { params, as: as.editor });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({ id: duty.id, key: "roadmap", assignments: 4 });
    expect(await db.assignment.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await callApi(`GET ${DUTY}`, { params, as: as.viewer })).status).toBe(404);
  });

  it("refuses bad input with every field error", async () => {
    const { org, as } = await createMapWorld();
    const bad = await callApi(`PATCH ${DUTY}`, {
      params: { orgSlug: org.slug, dutyId: "vision" },
      as: as.editor,
      body: { name: "", required: "yes", order: -1, description: null },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["description", "name", "order", "required"]);
    expect(
      (
        await callApi(`PATCH ${DUTY}`, {
          params: { orgSlug: org.slug, dutyId: "vision" },
          as: as.editor,
          body: { order: 1.5 },
        })
      ).status,
    ).toBe(400);
  });

  it("answers 404 for another organisation's duty and leaves it alone", async () => {
    const { org, other, as } = await createMapWorld();
    const theirs = await db.duty.findFirstOrThrow({
      where: { organizationId: other.id, key: "vision" },
      select: { id: true },
    });
    const params = { orgSlug: org.slug, dutyId: theirs.id };
    expect((await callApi(`GET ${DUTY}`, { params, as: as.editor })).status).toBe(404);
    expect((await callApi(`PATCH ${DUTY}`, { params, as: as.editor, body: { name: "Mine" } })).status).toBe(404);
    expect((await callApi(`DELETE ${DUTY}`, { params, as: as.editor })).status).toBe(404);
    expect(await db.duty.findUnique({ where: { id: theirs.id }, select: { name: true } })).toEqual({
      name: "Product vision",
    });
  });
});
