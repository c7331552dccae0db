import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createPerson, createSlot, createTeam } from "@/prisma/factories";
import type { TDeletedPerson } from "./delete-person";
import type { TPersonView } from "./person-view";

const PEOPLE = "/api/v1/orgs/[orgSlug]/people";
const PERSON = "/api/v1/orgs/[orgSlug]/people/[personId]";

describe("people", () => {
  it("adds people who need not be users, with a key from the name, a lower-cased email and capacity 1", async () => {
    const { org, as } = await createMapWorld();
    const params = { orgSlug: org.slug };
    const ada = await callApi<{ person: TPersonView }>(`POST ${PEOPLE}`, {
      params,
      as: as.editor,
      body: { name: "Ada Lovelace", email: " Ada@Example.COM " },
    });
    expect(ada.status).toBe(201);
    expect(ada.body.person).toEqual({
      id: expect.any(String),
      key: "ada-lovelace",
      name: "Ada Lovelace",
      email: "ada@example.com",
      capacity: 1,
      allocated: 0,
      slots: [],
    });
    const grace = await callApi<{ person: TPersonView }>(`POST ${PEOPLE}`, {
      params,
      as: as.editor,
      body: { name: "Grace Hopper", key: "grace", capacity: 0.5 },
    });
    expect(grace.body.person).toMatchObject({ key: "grace", email: null, capacity: 0.5 });
    const again = await callApi<{ person: TPersonView }>(`POST ${PEOPLE}`, {
      params,
      as: as.editor,
      body: { name: "Ada Lovelace" },
    });
    expect(again.body.person.key).toBe("ada-lovelace-2");
  });

  it("lists people by name with the slots they hold and their total allocation", async () => {
    const { org, as } = await createMapWorld();
    const ada = await createPerson(db, { organizationId: org.id, name: "Ada", key: "ada" });
    await createPerson(db, { organizationId: org.id, name: "Bob", key: "bob" });
    const checkout = await createTeam(db, { organizationId: org.id, name: "Checkout", key: "checkout" });
    const search = await createTeam(db, { organizationId: org.id, name: "Search", key: "search" });
    await createSlot(db, {
      organizationId: org.id,
      teamId: checkout.id,
      role: "PO",
      key: "lead",
      holderId: ada.id,
      allocation: 0.7,
    });
    await createSlot(db, {
      organizationId: org.id,
      teamId: search.id,
      role: "PM",
      key: "pm-2",
      holderId: ada.id,
      allocation: 0.2,
    });

    const answer = await callApi<{ people: TPersonView[] }>(`GET ${PEOPLE}`, {
      params: { orgSlug: org.slug },
      as: as.viewer,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.people.map((person) => [person.key, person.allocated])).toEqual([
      ["ada", 0.9],
      ["bob", 0],
    ]);
    expect(answer.body.people[0]!.slots.map((slot) => [slot.team.key, slot.key, slot.allocation])).toEqual([
      ["checkout", "lead", 0.7],
      ["search", "pm-2", 0.2],
    ]);
  });

  it("keeps emails unique in the organisation, but not across organisations", async () => {
    const { org, other, as } = await createMapWorld();
    await createPerson(db, { organizationId: other.id, email: "shared@example.com" });
    const params = { orgSlug: org.slug };
    const first = await callApi(`POST ${PEOPLE}`, {
      params,
      as: as.editor,
      body: { name: "One", email: "shared@example.com" },
    });
    expect(first.status).toBe(201);
    const second = await callApi(`POST ${PEOPLE}`, {
      params,
      as: as.editor,
      body: { name: "Two", email: "SHARED@example.com" },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.fields?.email?.[0]).toMatch(/One already has the email "shared@example.com"/);

    const two = await createPerson(db, { organizationId: org.id, name: "Two", key: "two" });
    const clash = await callApi(`PATCH ${PERSON}`, {
      params: { ...params, personId: "two" },
      as: as.editor,
      body: { email: "shared@example.com", key: "one" },
    });
    expect(clash.status).toBe(409);
    const cleared = await callApi<{ person: TPersonView }>(`PATCH ${PERSON}`, {
      params: { ...params, personId: two.id },
      as: as.editor,
      body: { email: null, capacity: 0.8, name: "Two Too" },
    });
    expect(cleared.body.person).toMatchObject({ key: "two", name: "Two Too", email: null, capacity: 0.8 });
  });

  it("refuses wrong types and values with every field error", async () => {
    const { org, as } = await createMapWorld();
    const bad = await callApi(`POST ${PEOPLE}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: { name: 42, email: "not an email", capacity: -1, key: "-bad-" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["capacity", "email", "key", "name"]);
    const tooMuch = await callApi(`POST ${PEOPLE}`, {
      params: { orgSlug: org.slug },
      as: as.editor,
      body: { name: "X", capacity: "1" },
    });
    expect(tooMuch.body.error.fields?.capacity?.[0]).toMatch(/number/);
    expect(await db.person.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("deletes a person and leaves their slots vacant", async () => {
    const { org, as } = await createMapWorld();
    const ada = await createPerson(db, { organizationId: org.id, key: "ada" });
    const team = await createTeam(db, { organizationId: org.id });
    const slot = await createSlot(db, { organizationId: org.id, teamId: team.id, holderId: ada.id });

    const preview = await callApi<{ person: TPersonView }>(`GET ${PERSON}`, {
      params: { orgSlug: org.slug, personId: "ada" },
      as: as.viewer,
    });
    expect(preview.body.person.slots.map((held) => held.id)).toEqual([slot.id]);

    const deleted = await callApi<{ deleted: TDeletedPerson }>(`DELETE ${PERSON}`, {
      params: { orgSlug: org.slug, personId: ada.id },
      as: as.editor,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({ id: ada.id, key: "ada", vacatedSlots: 1 });
    expect(await db.slot.findUnique({ where: { id: slot.id }, select: { holderId: true } })).toEqual({
      holderId: null,
    });
  });

  it("answers 404 for another organisation's person and leaves them alone", async () => {
    const { org, other, as } = await createMapWorld();
    const theirs = await createPerson(db, { organizationId: other.id, name: "Theirs", key: "theirs" });
    for (const personId of [theirs.id, theirs.key, "nobody"]) {
      const params = { orgSlug: org.slug, personId };
      expect((await callApi(`GET ${PERSON}`, { params, as: as.editor })).status).toBe(404);
      expect((await callApi(`PATCH ${PERSON}`, { params, as: as.editor, body: { name: "Mine" } })).status).toBe(404);
      expect((await callApi(`DELETE ${PERSON}`, { params, as: as.editor })).status).toBe(404);
    }
    expect(await db.person.findUnique({ where: { id: theirs.id }, select: { name: true } })).toEqual({
      name: "Theirs",
    });
  });
});
