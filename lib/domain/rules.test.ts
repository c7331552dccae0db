import { describe, expect, it } from "vitest";
import { PO_PM_LEAN } from "./po-pm-split";
import {
  applyRuleChanges,
  checkRuleChanges,
  DEFAULT_RULES,
  listRuleSettings,
  RECOMMENDED_CHANGES,
  RECOMMENDED_RULES,
  resolveRules,
  RULE_CATALOGUE,
  RULE_IDS,
  type TRuleProblem,
} from "./rules";

const TEAM_KEYS = new Set(["checkout", "search"]);
const check = (body: unknown) => checkRuleChanges(body, { teamKeys: TEAM_KEYS });
const problemsOf = (body: unknown): TRuleProblem[] => {
  const result = check(body);
  return result.ok ? [] : result.problems;
};

describe("the rule catalogue", () => {
  it("has the twelve rules of the table, the six of the first release on by default", () => {
    expect(RULE_IDS).toHaveLength(12);
    expect(RULE_IDS.map((id) => [id, DEFAULT_RULES[id].severity, RULE_CATALOGUE[id].severityWhenOn])).toEqual([
      ["unowned_duty", "error", "error"],
      ["shared_ownership", "error", "error"],
      ["vacant_slot", "error", "error"],
      ["dual_role", "warning", "warning"],
      ["overloaded_person", "warning", "warning"],
      ["idle_slot", "info", "info"],
      ["no_responsible", "off", "warning"],
      ["too_many_consulted", "off", "info"],
      ["lean_mismatch", "off", "info"],
      ["po_spread", "off", "warning"],
      ["person_spread", "off", "warning"],
      ["team_size", "off", "warning"],
    ]);
  });

  it("has the table's default parameters, and a spec for each", () => {
    expect(Object.fromEntries(RULE_IDS.map((id) => [id, DEFAULT_RULES[id].params]))).toEqual({
      unowned_duty: {},
      shared_ownership: { max: 1 },
      vacant_slot: {},
      dual_role: {},
      overloaded_person: { tolerance: 0 },
      idle_slot: {},
      no_responsible: {},
      too_many_consulted: { max: 3 },
      lean_mismatch: { lean: PO_PM_LEAN },
      po_spread: { max: 2 },
      person_spread: { max: 3 },
      team_size: { max: 9 },
    });
    for (const id of RULE_IDS) {
      expect(Object.keys(RULE_CATALOGUE[id].params)).toEqual(Object.keys(DEFAULT_RULES[id].params));
    }
  });

  it("leans the guide's duties as the issue says: the shared ones nowhere", () => {
    expect(PO_PM_LEAN).toEqual({
      vision: "PO",
      strategy: "PO",
      "feature-decisions": "PO",
      roadmap: "PO",
      "day-to-day": "PM",
      "market-research": "PM",
      "data-analysis": "PM",
    });
  });

  it("makes the person rules the ones that cannot exempt teams", () => {
    expect(RULE_IDS.filter((id) => RULE_CATALOGUE[id].scope === "person")).toEqual([
      "overloaded_person",
      "po_spread",
      "person_spread",
    ]);
  });
});

describe("resolveRules and applyRuleChanges", () => {
  it("cannot change the defaults through the rules it resolves", () => {
    const rules = resolveRules([]);
    expect(() => {
      (rules.team_size.params as { max: number }).max = 1;
    }).toThrow(TypeError);
    expect(() => (rules.vacant_slot.exemptTeams as string[]).push("checkout")).toThrow(TypeError);
    expect(DEFAULT_RULES.team_size.params.max).toBe(9);
  });

  it("fills every rule and field that stored settings leave out", () => {
    expect(resolveRules([])).toEqual(DEFAULT_RULES);
    const rules = resolveRules([{ id: "po_spread", severity: "error" }]);
    expect(rules.po_spread).toEqual({ id: "po_spread", severity: "error", params: { max: 2 }, exemptTeams: [] });
  });

  it("keeps the settings of unlisted rules and of fields a change leaves out", () => {
    const current = resolveRules([
      { id: "team_size", severity: "info", params: { max: 12 }, exemptTeams: ["search"] },
      { id: "shared_ownership", params: { max: 2 } },
    ]);
    const next = applyRuleChanges(current, [{ id: "team_size", params: { max: 7 } }]);
    expect(next.team_size).toEqual({ id: "team_size", severity: "info", params: { max: 7 }, exemptTeams: ["search"] });
    expect(next.shared_ownership).toEqual(current.shared_ownership);
    expect(current.team_size.params.max).toBe(12);
  });

  it('turns a rule "on" at its bracketed severity, and leaves a rule already on at its own', () => {
    const current = resolveRules([{ id: "po_spread", severity: "error" }]);
    const next = applyRuleChanges(current, RECOMMENDED_CHANGES);
    expect(RECOMMENDED_RULES).toEqual(["lean_mismatch", "po_spread"]);
    expect([next.lean_mismatch.severity, next.po_spread.severity]).toEqual(["info", "error"]);
    expect(applyRuleChanges(DEFAULT_RULES, [{ id: "dual_role", severity: "on" }]).dual_role.severity).toBe("warning");
  });

  it("keeps exempt teams sorted and once each, and none for a person rule", () => {
    const rules = resolveRules([
      { id: "vacant_slot", exemptTeams: ["search", "checkout", "search"] },
      { id: "po_spread", exemptTeams: ["search"] },
    ]);
    expect(rules.vacant_slot.exemptTeams).toEqual(["checkout", "search"]);
    expect(rules.po_spread.exemptTeams).toEqual([]);
  });

  it("lists every rule in a stable order, for an export that imports back unchanged", () => {
    const rules = resolveRules([{ id: "team_size", severity: "on", exemptTeams: ["checkout"] }]);
    const listed = listRuleSettings(rules);
    expect(listed.map((setting) => setting.id)).toEqual(RULE_IDS);
    const body = JSON.parse(JSON.stringify({ rules: listed })) as unknown;
    const result = check(body);
    expect(result.ok).toBe(true);
    expect(result.ok && resolveRules(result.changes)).toEqual(rules);
  });
});

describe("checkRuleChanges", () => {
  it("accepts a valid body and returns its changes", () => {
    const body = {
      rules: [
        { id: "shared_ownership", severity: "warning", params: { max: 2 }, exemptTeams: ["checkout"] },
        { id: "overloaded_person", params: { tolerance: 0.1 }, exemptTeams: [] },
        { id: "lean_mismatch", severity: "on", params: { lean: { vision: "PM" } } },
        { id: "too_many_consulted", params: { max: 0 } },
      ],
    };
    expect(check(body)).toEqual({ ok: true, changes: body.rules });
  });

  it("accepts every parameter exactly at its least value, and refuses one below", () => {
    const least = {
      rules: [...RULE_IDS].flatMap((id) => {
        const specs = Object.entries(RULE_CATALOGUE[id].params as Record<string, { type: string; min?: number }>);
        const params = Object.fromEntries(
          specs.filter(([, spec]) => spec.type !== "lean").map(([name, spec]) => [name, spec.min]),
        );
        return Object.keys(params).length > 0 ? [{ id, params }] : [];
      }),
    };
    expect(check(least).ok).toBe(true);
    const below = {
      rules: least.rules.map((change) => ({
        ...change,
        params: Object.fromEntries(
          Object.entries(change.params).map(([name, value]) => [name, (value as number) - 0.5]),
        ),
      })),
    };
    expect(problemsOf(below).map((problem) => problem.path.join("."))).toEqual([
      "rules.0.params.max",
      "rules.1.params.tolerance",
      "rules.2.params.max",
      "rules.3.params.max",
      "rules.4.params.max",
      "rules.5.params.max",
    ]);
  });

  it("reports every problem at once, each with its path", () => {
    const problems = problemsOf({
      rules: [
        { id: "unowned", severity: "error" },
        { id: "shared_ownership", severity: "loud", params: { max: 0, min: 1 } },
        { id: "too_many_consulted", params: { max: 1.5 } },
        { id: "overloaded_person", params: { tolerance: "0.1" }, exemptTeams: ["checkout"] },
        { id: "team_size", params: { max: Infinity }, exemptTeams: ["checkout", "billing", 7] },
        { id: "shared_ownership", colour: "red" },
        { id: "lean_mismatch", params: { lean: { vision: "CEO", "Not A Key": "PO" } } },
        { id: "dual_role", params: { max: 1 }, exemptTeams: "checkout" },
        "vacant_slot",
        { severity: "error" },
        { id: "no_responsible", params: [] },
        { id: "po_spread", params: { max: null } },
        { id: "person_spread", params: { max: 2 ** 53 } },
      ],
    });
    expect(problems.map((problem) => [problem.path.join("."), problem.message])).toEqual([
      ["rules.0.id", expect.stringContaining('There is no rule "unowned". The rules are unowned_duty, ')],
      ["rules.1.severity", 'Give severity as "error", "warning", "info", "off", or "on" for its usual severity.'],
      ["rules.1.params.max", "Give max as a whole number of at least 1."],
      ["rules.1.params.min", 'shared_ownership has no parameter "min"; it has max.'],
      ["rules.2.params.max", "Give max as a whole number of at least 0."],
      ["rules.3.params.tolerance", "Give tolerance as a number of at least 0."],
      [
        "rules.3.exemptTeams",
        "overloaded_person counts a person's slots in every team, so it cannot exempt teams; leave exemptTeams empty.",
      ],
      ["rules.4.params.max", "Give max as a whole number of at least 1."],
      ["rules.4.exemptTeams.1", 'No team has the key "billing".'],
      ["rules.4.exemptTeams.2", "Give each exempt team as a team key."],
      ["rules.5.colour", 'Unknown field "colour"; a change has id, severity, params, exemptTeams.'],
      ["rules.5.id", "The rule shared_ownership is already changed at rules.1; list each rule once."],
      ["rules.6.params.lean.vision", 'A duty leans to "PO" or "PM".'],
      ["rules.6.params.lean.Not A Key", '"Not A Key" is not a duty key.'],
      ["rules.7.params.max", "dual_role has no parameters."],
      ["rules.7.exemptTeams", "Give exemptTeams as a list of team keys."],
      ["rules.8", "Give each change as an object with the id of a rule."],
      ["rules.9.id", 'Give the id of a rule, such as "unowned_duty".'],
      ["rules.10.params", "Give params as an object of parameter names and values."],
      ["rules.11.params.max", "Give max as a whole number of at least 1."],
      ["rules.12.params.max", "Give max as a whole number of at least 1."],
    ]);
  });

  it("refuses a body that is not an object of rules, and fields beside rules", () => {
    expect(problemsOf([])).toEqual([{ path: [], message: expect.stringContaining("JSON object") }]);
    expect(problemsOf({ rule: [] }).map((problem) => problem.path.join("."))).toEqual(["rule", "rules"]);
    expect(problemsOf({ rules: {} })).toEqual([
      { path: ["rules"], message: "Give rules as a list of changes, each with the id of a rule." },
    ]);
  });

  it("refuses a lean that is not an object or has too many duties", () => {
    expect(problemsOf({ rules: [{ id: "lean_mismatch", params: { lean: ["vision"] } }] })).toEqual([
      {
        path: ["rules", 0, "params", "lean"],
        message: 'Give lean as an object of duty keys and roles, such as { "vision": "PO" }.',
      },
    ]);
    const huge = Object.fromEntries(Array.from({ length: 501 }, (_, n) => [`duty-${n}`, "PO"]));
    expect(problemsOf({ rules: [{ id: "lean_mismatch", params: { lean: huge } }] })).toHaveLength(1);
  });

  it("takes __proto__ and constructor as the names they are, never Object.prototype's", () => {
    const body = JSON.parse('{"rules":[{"id":"__proto__","params":{"__proto__":1}},{"id":"constructor"}]}') as unknown;
    expect(problemsOf(body).map((problem) => problem.path.join("."))).toEqual(["rules.0.id", "rules.1.id"]);
    const lean = JSON.parse('{"rules":[{"id":"lean_mismatch","params":{"lean":{"constructor":"PO"}}}]}') as unknown;
    expect(check(lean).ok).toBe(true);
  });
});
