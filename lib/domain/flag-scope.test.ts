import { describe, expect, it } from "vitest";
import type { TRuleFlag } from "./analyze-map";
import { changesAround, flagScopeOf, flagsInScope, rowsToRead, scopeParts } from "./flag-scope";
import type { TJournalRow } from "./journal";

const row = (id: string, columns: Record<string, unknown> = {}): TJournalRow => ({
  id,
  organization_id: "org",
  ...columns,
});

describe("flagScopeOf", () => {
  it("touches a cell's team, a slot's team and its holders before and after, and team and person rows", () => {
    const scope = flagScopeOf([
      { entity: "assignment", before: null, after: row("a1", { team_id: "t1" }) },
      {
        entity: "slot",
        before: row("s1", { team_id: "t2", holder_id: "p1" }),
        after: row("s1", { team_id: "t2", holder_id: "p2" }),
      },
      { entity: "slot", before: row("s2", { team_id: "t3", holder_id: null }), after: null },
      { entity: "team", before: row("t4"), after: null },
      { entity: "person", before: row("p3"), after: row("p3") },
    ]);
    expect(scope).toEqual({
      teams: new Set(["t1", "t2", "t3", "t4"]),
      people: new Set(["p1", "p2", "p3"]),
      everyTeam: false,
    });
  });

  it("is every team for a duty or a rule, which every team is judged by", () => {
    expect(flagScopeOf([{ entity: "duty", before: null, after: row("d1") }]).everyTeam).toBe(true);
    expect(flagScopeOf([{ entity: "rule", before: row("r1"), after: null }]).everyTeam).toBe(true);
  });
});

describe("scopeParts and rowsToRead", () => {
  // p1 held a slot of t9 before the change and holds one of t2 today; p2 holds none, then or now.
  const changes = [
    {
      entity: "slot" as const,
      before: row("s9", { team_id: "t9", holder_id: "p1" }),
      after: row("s9", { team_id: "t9", holder_id: null }),
    },
  ];
  const scope = { teams: new Set(["t1", "t2", "t3", "t9"]), people: new Set(["p1", "p2", "p3"]) };

  it("puts each person with a team they hold today, or held in the change, and leaves out who holds none", () => {
    const parts = scopeParts(
      scope,
      new Map([
        ["p1", "t2"],
        ["p3", "t7"],
      ]),
      changes,
      2,
    );
    expect(parts).toEqual([
      { teams: new Set(["t1", "t2"]), people: new Set(["p1"]) },
      { teams: new Set(["t3"]), people: new Set(["p3"]) },
      { teams: new Set(["t9"]), people: new Set() },
    ]);
    expect(scopeParts(scope, new Map(), changes, 10)[0]!.people).toEqual(new Set(["p1"]));
  });

  it("reads a part's teams, those its people held in the change, and every holder the change names", () => {
    expect(rowsToRead({ teams: new Set(["t1"]), people: new Set(["p1"]) }, changes)).toEqual({
      teams: new Set(["t1", "t9"]),
      people: new Set(["p1"]),
      heldBy: new Set(["p1"]),
    });
    expect(rowsToRead({ teams: new Set(["t3"]), people: new Set(["p3"]) }, changes)).toEqual({
      teams: new Set(["t3"]),
      people: new Set(["p3", "p1"]),
      heldBy: new Set(["p3"]),
    });
  });

  it("keeps the changes of the teams read, and every person's, duty's and rule's", () => {
    const all = [
      ...changes,
      { entity: "assignment" as const, before: null, after: row("a1", { team_id: "t1" }) },
      { entity: "team" as const, before: row("t2"), after: null },
      { entity: "person" as const, before: row("p5"), after: row("p5") },
      { entity: "duty" as const, before: null, after: row("d1") },
    ];
    expect(changesAround(all, new Set(["t1"])).map((change) => change.entity)).toEqual([
      "assignment",
      "person",
      "duty",
    ]);
  });
});

describe("flagsInScope", () => {
  const ref = (id: string) => ({ id, key: id });
  const flags = [
    { kind: "shared_ownership", team: ref("t1"), duty: ref("d1") },
    { kind: "vacant_slot", team: ref("t2"), slot: ref("s1") },
    { kind: "dual_role", team: ref("t1"), person: ref("p9") },
    { kind: "overloaded_person", person: ref("p1"), teams: [ref("t2")] },
    { kind: "person_spread", person: ref("p2"), teams: [ref("t1")] },
  ] as unknown as TRuleFlag[];

  it("keeps team flags of the scope's teams and person flags of its people, whatever teams those span", () => {
    const kept = flagsInScope(flags, { teams: new Set(["t1"]), people: new Set(["p1"]) });
    expect(kept.map((flag) => flag.kind)).toEqual(["shared_ownership", "dual_role", "overloaded_person"]);
  });
});
