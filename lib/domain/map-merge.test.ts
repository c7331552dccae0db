import { describe, expect, it } from "vitest";
import { generateMap } from "./generate-map";
import { mapToDocument } from "./map-document";
import type { TMapDocument } from "./map-format";
import { mergeMapDocuments } from "./map-merge";

type TTeam = TMapDocument["teams"][number];

function team(key: string, name: string, extra: Partial<TTeam> = {}): TTeam {
  return {
    key,
    name,
    description: null,
    slots: [
      { key: "po", role: "PO", title: null, holder: null, allocation: 1 },
      { key: "pm", role: "PM", title: null, holder: null, allocation: 1 },
    ],
    assignments: [],
    ...extra,
  } as TTeam;
}

function documentWith(teams: TTeam[], people: TMapDocument["people"] = []): TMapDocument {
  return {
    format: "remit.map/v1",
    duties: [{ key: "vision", name: "Vision", description: "", required: true }],
    people,
    teams,
  } as TMapDocument;
}

describe("mergeMapDocuments", () => {
  const base = documentWith([team("checkout", "Checkout"), team("search", "Search")]);

  it("takes the draft's changes and keeps live's where they do not meet, in the draft's order", () => {
    const live = documentWith(
      [team("checkout", "Checkout"), team("search", "Search")],
      [{ key: "lou", name: "Lou", email: null, capacity: 1 }],
    );
    const draft = documentWith([
      team("growth", "Growth"),
      team("checkout", "Checkout", { assignments: [{ duty: "vision", slot: "po", level: "accountable" }] }),
    ]);
    const { document, conflicts } = mergeMapDocuments({ base, live, draft });
    expect(conflicts).toEqual([]);
    expect(document.teams.map((item) => item.key)).toEqual(["growth", "checkout"]);
    expect(document.teams[1]!.assignments).toEqual([{ duty: "vision", slot: "po", level: "accountable" }]);
    expect(document.people.map((person) => person.key)).toEqual(["lou"]);
  });

  it("reports what both changed differently, and settles it by choice", () => {
    const live = documentWith([team("checkout", "Checkout"), team("search", "Search (live)")]);
    const draft = documentWith([team("checkout", "Checkout")]);
    const { conflicts } = mergeMapDocuments({ base, live, draft });
    expect(conflicts).toEqual([
      {
        id: "team:search",
        kind: "team",
        label: "Search (live)",
        base: { key: "search", name: "Search", description: null },
        live: { key: "search", name: "Search (live)", description: null },
        draft: null,
      },
    ]);
    const keepLive = mergeMapDocuments({ base, live, draft, choices: { "team:search": "live" } });
    expect(keepLive.conflicts).toEqual([]);
    // The team stays as live has it; its slots, which only the draft changed (by removing them), go.
    expect(keepLive.document.teams.map((item) => [item.key, item.name, item.slots.length])).toEqual([
      ["checkout", "Checkout", 2],
      ["search", "Search (live)", 0],
    ]);
    const keepDraft = mergeMapDocuments({ base, live, draft, choices: { "team:search": "draft" } });
    expect(keepDraft.document.teams.map((item) => item.key)).toEqual(["checkout"]);
  });

  it("needs no choice when both made the same change", () => {
    const same = documentWith([team("checkout", "Checkout (new)"), team("search", "Search")]);
    expect(mergeMapDocuments({ base, live: same, draft: same }).conflicts).toEqual([]);
  });
});

/** A copy of `document` changed at random: teams renamed, dropped, added and reordered, slots and cells changed. */
function edited(document: TMapDocument, random: () => number, tag: string): TMapDocument {
  const teams = document.teams
    .filter(() => random() > 0.1)
    .map((item) => ({
      ...item,
      name: random() < 0.2 ? `${item.name} (${tag})` : item.name,
      slots: random() < 0.2 ? [...item.slots].reverse() : item.slots.filter(() => random() > 0.05),
      assignments: item.assignments
        .filter(() => random() > 0.1)
        .map((cell) => (random() < 0.1 ? { ...cell, level: "informed" as const } : cell)),
    }));
  if (random() < 0.5) teams.reverse();
  teams.splice(Math.floor(random() * teams.length), 0, team(`new-${tag}`, `New ${tag}`));
  return { ...document, teams, people: document.people.filter(() => random() > 0.1) };
}

/** A deterministic pseudo-random source in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("mergeMapDocuments on generated maps", () => {
  it("keeps what each side changed where the other left it alone, in the draft's order, then live's", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const base = mapToDocument(generateMap({ teams: 12, seed, peoplePerTeam: 3 }));
      const live = edited(base, random, "live");
      const draft = edited(base, random, "draft");
      const settled = Object.fromEntries(
        mergeMapDocuments({ base, live, draft }).conflicts.map((conflict) => [conflict.id, "draft" as const]),
      );
      const { document, conflicts } = mergeMapDocuments({ base, live, draft, choices: settled });
      expect(conflicts).toEqual([]);
      const keys = document.teams.map((item) => item.key);
      const inDraft = draft.teams.map((item) => item.key).filter((key) => keys.includes(key));
      // The draft's teams in its order, then live's others in live's order.
      expect(keys.slice(0, inDraft.length)).toEqual(inDraft);
      expect(keys.slice(inDraft.length)).toEqual(
        live.teams.map((item) => item.key).filter((key) => keys.includes(key) && !inDraft.includes(key)),
      );
      expect(keys).toContain("new-live");
      expect(keys).toContain("new-draft");
      for (const item of document.teams) {
        const fromDraft = draft.teams.find((other) => other.key === item.key);
        const slotKeys = item.slots.map((slot) => slot.key);
        if (fromDraft) {
          const drafted = fromDraft.slots.map((slot) => slot.key).filter((key) => slotKeys.includes(key));
          expect(slotKeys.slice(0, drafted.length)).toEqual(drafted);
        }
      }
    }
  });
});

describe("mergeMapDocuments on a large map with few changes", () => {
  it("merges the teams neither side changed as it merges any other", () => {
    const base = mapToDocument(generateMap({ teams: 30, seed: 3 }));
    const flip = (level: string) => (level === "informed" ? ("consulted" as const) : ("informed" as const));
    const draft = {
      ...base,
      teams: base.teams.map((item, index) =>
        index === 4 || index === 9
          ? { ...item, assignments: item.assignments.map((cell) => ({ ...cell, level: flip(cell.level) })) }
          : item,
      ),
    };
    const live = {
      ...base,
      teams: base.teams.map((item, index) => (index === 20 ? { ...item, name: `${item.name} (live)` } : item)),
      people: base.people.slice(1),
    };
    // The same base with every team's cells listed backwards: no team is the same in all three documents then, so
    // each is merged thing by thing.
    const reordered = {
      ...base,
      teams: base.teams.map((item) => ({ ...item, assignments: [...item.assignments].reverse() })),
    };
    const merged = mergeMapDocuments({ base, live, draft });
    expect(merged.conflicts).toEqual([]);
    expect(merged).toEqual(mergeMapDocuments({ base: reordered, live, draft }));
    expect(merged.document).toEqual({
      ...base,
      people: live.people,
      teams: base.teams.map((item, index) =>
        index === 4 || index === 9 ? draft.teams[index] : index === 20 ? live.teams[index] : item,
      ),
    });
  });
});
