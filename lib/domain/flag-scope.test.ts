import { describe, expect, it } from "vitest";
import type { TRuleFlag } from "./analyze-map";
import { flagScopeOf, flagsInScope } from "./flag-scope";
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
    expect(scope).toEqual({ teams: new Set(["t1", "t2", "t3", "t4"]), people: new Set(["p1", "p2", "p3"]) });
  });

  it("is the whole map for a duty or a rule, which every team is judged by", () => {
    expect(flagScopeOf([{ entity: "duty", before: null, after: row("d1") }])).toBeNull();
    expect(flagScopeOf([{ entity: "rule", before: row("r1"), after: null }])).toBeNull();
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
