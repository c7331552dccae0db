import { describe, expect, it } from "vitest";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import { firstSteps } from "./first-steps";
import type { TRemitMap } from "./model";

const EMPTY: TRemitMap = { people: [], teams: [], slots: [], duties: [], assignments: [] };
const done = (map: TRemitMap) => Object.fromEntries(firstSteps(map).map((step) => [step.id, step.isDone]));
const next = (map: TRemitMap, id: string) => firstSteps(map).find((step) => step.id === id)?.team?.key;

describe("firstSteps", () => {
  it("has nothing done on an empty organisation, and no team to point at", () => {
    expect(done(EMPTY)).toEqual({ team: false, people: false, holders: false, owners: false });
    expect(firstSteps(EMPTY).every((step) => step.team === null)).toBe(true);
  });

  it("points at the first team with a PO or PM slot while no team has them all held or owns every required duty", () => {
    // Checkout's PM is vacant (its vacant Tech lead does not count), and so is Search's PO; neither owns Roadmap.
    expect(done(CHECKOUT_MAP)).toEqual({ team: true, people: true, holders: false, owners: false });
    expect(next(CHECKOUT_MAP, "holders")).toBe("checkout");
    expect(next(CHECKOUT_MAP, "owners")).toBe("checkout");
  });

  it("is done once one team has its PO and PM held, and once one team owns every required duty", () => {
    const held: TRemitMap = {
      ...CHECKOUT_MAP,
      slots: CHECKOUT_MAP.slots.map((slot) => (slot.key === "pm" ? { ...slot, holderId: "p1" } : slot)),
    };
    expect(done(held)).toEqual({ team: true, people: true, holders: true, owners: false });
    expect(next(held, "holders")).toBeUndefined();
    // Roadmap owned by Search only at `responsible` does not count; accountable does.
    const responsible: TRemitMap = {
      ...held,
      assignments: [
        ...held.assignments,
        { teamId: "t2", dutyId: "d2", slotId: "s-other", level: "responsible", version: 1 },
      ],
    };
    expect(done(responsible).owners).toBe(false);
    const owned: TRemitMap = {
      ...responsible,
      assignments: responsible.assignments.map((cell) => ({ ...cell, level: "accountable" as const })),
      duties: [...held.duties, { id: "d3", key: "extra", name: "Extra", description: "", required: false, order: 2 }],
    };
    expect(done(owned)).toEqual({ team: true, people: true, holders: true, owners: true });
  });

  it("does not count a team without PO or PM slots as having them held", () => {
    const bare: TRemitMap = {
      ...EMPTY,
      teams: [{ id: "t", key: "bare", name: "Bare", description: null, group: null }],
    };
    expect(done(bare).holders).toBe(false);
    expect(next(bare, "holders")).toBe("bare");
  });
});
