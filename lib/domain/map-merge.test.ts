import { describe, expect, it } from "vitest";
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
