import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { generateMap } from "./generate-map";
import { mapOf } from "./map-spec.fixture";
import type { TRemitMap } from "./model";
import { DEFAULT_RULES, resolveRules, RULE_IDS } from "./rules";
import { rankSlotCandidates } from "./slot-candidates";

/** Every rule on, spreads and team size tight, so that a holder change can raise every kind of flag. */
const STRICT_RULES = resolveRules([
  ...RULE_IDS.map((id) => ({ id, severity: "on" as const })),
  { id: "po_spread", params: { max: 1 } },
  { id: "person_spread", params: { max: 2 } },
  { id: "team_size", params: { max: 3 } },
]);

const withHolder = (map: TRemitMap, slotId: string, holderId: string): TRemitMap => ({
  ...map,
  slots: map.slots.map((slot) => (slot.id === slotId ? { ...slot, holderId } : slot)),
});

describe("rankSlotCandidates", () => {
  const map = mapOf({
    duties: ["roadmap", "delivery"],
    people: ["busy", "free", { key: "half", capacity: 0.5 }, "pm-here"],
    teams: [
      {
        key: "checkout",
        slots: [
          { key: "po", role: "PO" },
          { key: "pm", role: "PM", holder: "pm-here", allocation: 0.5 },
        ],
        cells: [
          ["roadmap", "po", "accountable"],
          ["delivery", "pm", "accountable"],
        ],
      },
      { key: "search", slots: [{ key: "po", role: "PO", holder: "busy" }] },
    ],
  });

  it("puts the person with spare capacity first, and says why the others fit worse", () => {
    const ranked = rankSlotCandidates(map, DEFAULT_RULES, "slot:checkout/po")!;
    expect(ranked.candidates.map((candidate) => [candidate.person.key, candidate.fit])).toEqual([
      ["free", "good"],
      ["half", "poor"],
      ["busy", "poor"],
      ["pm-here", "poor"],
    ]);
    const [free, half, busy, pmHere] = ranked.candidates;
    expect(free).toMatchObject({ spare: 1, spareAfter: 0, teams: [], introduces: [] });
    expect(free!.summary).toBe("Fits: 0 spare after this slot, on no team yet.");
    expect(free!.resolves.map((flag) => flag.id)).toEqual(["vacant_slot:team:checkout:slot:checkout/po"]);
    expect(half!.summary).toBe("Would be overloaded (1 of 0.5). 0.5 over capacity, on no team yet.");
    expect(busy!.introduces.map((flag) => flag.kind)).toEqual(["overloaded_person"]);
    expect(busy!.teams.map((team) => team.key)).toEqual(["search"]);
    expect(pmHere!.introduces.map((flag) => flag.kind).sort()).toEqual(["dual_role", "overloaded_person"]);
    expect(pmHere!.summary).toContain("Would hold both the PO and the PM slot here");
    expect(ranked.total).toBe(4);
  });

  it("leaves out the holder, and counts what taking the slot from them clears", () => {
    const held = withHolder(map, "slot:checkout/po", "person:busy");
    const ranked = rankSlotCandidates(held, DEFAULT_RULES, "slot:checkout/po")!;
    expect(ranked.candidates.map((candidate) => candidate.person.key)).not.toContain("busy");
    const free = ranked.candidates.find((candidate) => candidate.person.key === "free")!;
    expect(free.resolves.map((flag) => flag.id)).toEqual(["overloaded_person:person:busy"]);
  });

  it("counts an overload made heavier against a person already over capacity", () => {
    const overloaded = mapOf({
      duties: ["roadmap"],
      people: [{ key: "over", capacity: 0.5 }, "free"],
      teams: [
        { key: "checkout", slots: [{ key: "po", role: "PO" }], cells: [["roadmap", "po", "accountable"]] },
        {
          key: "search",
          slots: [{ key: "po", role: "PO", holder: "over" }],
          cells: [["roadmap", "po", "accountable"]],
        },
      ],
    });
    const ranked = rankSlotCandidates(overloaded, DEFAULT_RULES, "slot:checkout/po")!;
    const over = ranked.candidates.find((candidate) => candidate.person.key === "over")!;
    expect(over).toMatchObject({ fit: "poor", introduces: [] });
    expect(over.worsens.map((flag) => flag.id)).toEqual(["overloaded_person:person:over"]);
    expect(ranked.candidates.map((candidate) => candidate.person.key)).toEqual(["free", "over"]);
  });

  it("names each candidate in the idle slot their taking an empty slot raises", () => {
    // Held and idle already (Busy's): another holder keeps the same flag, so nobody raises it.
    const held = rankSlotCandidates(map, DEFAULT_RULES, "slot:search/po")!;
    expect(
      held.candidates.flatMap((candidate) => candidate.introduces).filter((flag) => flag.kind === "idle_slot"),
    ).toEqual([]);
    // Vacant and without duties: whoever takes it holds an idle slot, and the flag names them.
    const vacant = rankSlotCandidates(
      {
        ...map,
        slots: map.slots.map((entry) => (entry.id === "slot:search/po" ? { ...entry, holderId: null } : entry)),
      },
      DEFAULT_RULES,
      "slot:search/po",
    )!;
    for (const candidate of vacant.candidates) {
      const idle = candidate.introduces.find((flag) => flag.kind === "idle_slot");
      expect(idle && "person" in idle ? idle.person.key : null).toBe(candidate.person.key);
      expect(idle?.message).toContain(candidate.person.name);
    }
  });

  it("is null for a slot that is not in the map, and keeps to the limit", () => {
    expect(rankSlotCandidates(map, DEFAULT_RULES, "slot:nowhere")).toBeNull();
    expect(rankSlotCandidates(map, DEFAULT_RULES, "slot:checkout/po", { limit: 2 })!.candidates).toHaveLength(2);
  });

  it("finds exactly the flags the whole map's analysis gains and loses, for every slot and person", () => {
    for (const seed of [1, 2, 3]) {
      const generated = generateMap({ teams: 4, seed, peoplePerTeam: 3 });
      const before = new Set(analyzeMap(generated, STRICT_RULES).flags.map((flag) => flag.id));
      for (const slot of generated.slots) {
        const ranked = rankSlotCandidates(generated, STRICT_RULES, slot.id)!;
        expect(ranked.total).toBe(generated.people.length - (slot.holderId === null ? 0 : 1));
        for (const candidate of ranked.candidates) {
          const afterFlags = analyzeMap(withHolder(generated, slot.id, candidate.person.id), STRICT_RULES).flags;
          const after = new Set(afterFlags.map((flag) => flag.id));
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
          // The very flags the whole map's analysis raises, messages and all.
          expect([...candidate.introduces].sort(byId)).toEqual(
            afterFlags.filter((flag) => !before.has(flag.id)).sort(byId),
          );
          expect(candidate.resolves.map((flag) => flag.id).sort()).toEqual(
            [...before].filter((id) => !after.has(id)).sort(),
          );
        }
      }
    }
  });
});
