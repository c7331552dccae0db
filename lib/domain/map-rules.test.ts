import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { diffMapDocuments } from "./map-diff";
import { mapToDocument } from "./map-document";
import type { TMapDocument, TMapDocumentInput } from "./map-format";
import { mergeMapDocuments } from "./map-merge";
import {
  applyRuleChanges,
  DEFAULT_RULES,
  listRuleSettings,
  renameExemptTeams,
  RULE_IDS,
  type TRuleChange,
} from "./rules";

// Rules in remit.map/v1: how a document carries them, and how diff and merge treat them.

const TEAMS: TMapDocumentInput["teams"] = [
  { key: "checkout", name: "Checkout" },
  { key: "search", name: "Search" },
];

function checked(input: TMapDocumentInput | Record<string, unknown>): TMapDocument {
  const result = validateMapDocument(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

function withRules(changes: TRuleChange[]): TMapDocument {
  return checked({
    format: "remit.map/v1",
    teams: TEAMS,
    rules: listRuleSettings(applyRuleChanges(DEFAULT_RULES, changes)),
  });
}

describe("rules in a map document", () => {
  it("exports every rule in the catalogue's order, defaults included, and reads back the same", () => {
    const rules = applyRuleChanges(DEFAULT_RULES, [
      { id: "po_spread", severity: "on", params: { max: 3 } },
      { id: "team_size", severity: "info", exemptTeams: ["search"] },
    ]);
    const document = mapToDocument({ people: [], teams: [], slots: [], duties: [], assignments: [] }, rules);
    expect(document.rules!.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    expect(document.rules!.find((rule) => rule.id === "po_spread")).toEqual({
      id: "po_spread",
      severity: "warning",
      params: { max: 3 },
      exemptTeams: [],
    });
    const again = checked({ ...JSON.parse(JSON.stringify(document)), teams: TEAMS });
    expect(again.rules).toEqual(document.rules);
  });

  it("exports only exempt teams the map has, so that an export always imports", () => {
    const rules = applyRuleChanges(DEFAULT_RULES, [{ id: "team_size", exemptTeams: ["checkout", "gone"] }]);
    const map = {
      people: [],
      teams: [{ id: "t1", key: "checkout", name: "Checkout", description: null, group: null }],
    };
    const document = mapToDocument({ ...map, slots: [], duties: [], assignments: [] }, rules);
    expect(document.rules!.find((rule) => rule.id === "team_size")!.exemptTeams).toEqual(["checkout"]);
    expect(validateMapDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true);
  });

  it("leaves rules out of a document that has none, and completes the rules a document lists from their defaults", () => {
    expect(checked({ format: "remit.map/v1" })).not.toHaveProperty("rules");
    const document = checked({ format: "remit.map/v1", teams: TEAMS, rules: [{ id: "team_size", severity: "on" }] });
    expect(document.rules).toEqual([{ id: "team_size", severity: "warning", params: { max: 9 }, exemptTeams: [] }]);
  });

  it("reports every problem of the rules at once, each at its path", () => {
    const result = validateMapDocument({
      format: "remit.map/v1",
      teams: TEAMS,
      rules: [
        { id: "no_such_rule" },
        { id: "po_spread", params: { max: 0 } },
        { id: "team_size", exemptTeams: ["checkout", "nowhere"] },
        { id: "shared_ownership", severity: "loud" },
        { id: "po_spread" },
      ],
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual([
      "rules[0].id",
      "rules[1].params.max",
      "rules[2].exemptTeams[1]",
      "rules[3].severity",
      "rules[4].id",
    ]);
    expect(validateMapDocument({ format: "remit.map/v1", rules: "all" })).toMatchObject({
      ok: false,
      errors: [{ path: "rules" }],
    });
  });
});

describe("rules in diff and merge", () => {
  it("lists the rules whose settings differ, as changed", () => {
    const diff = diffMapDocuments(withRules([]), withRules([{ id: "po_spread", severity: "on", params: { max: 3 } }]));
    expect(diff.rules.changed).toEqual([
      {
        id: "po_spread",
        label: "PO spread",
        changes: [
          { field: "severity", from: "off", to: "warning" },
          { field: "max", from: "2", to: "3" },
        ],
      },
    ]);
    expect(diff.total).toBe(1);
    // A file without rules changes none.
    const { rules: _rules, ...withoutRules } = withRules([{ id: "po_spread", severity: "on" }]);
    expect(diffMapDocuments(withRules([]), withoutRules).rules.changed).toEqual([]);
  });

  it("applies a rule the draft changed, keeps one live changed, and asks about one both changed differently", () => {
    const base = withRules([]);
    const live = withRules([
      { id: "team_size", severity: "info" },
      { id: "po_spread", severity: "warning", params: { max: 4 } },
    ]);
    const draft = withRules([
      { id: "person_spread", severity: "on" },
      { id: "po_spread", severity: "error" },
    ]);
    const { document, conflicts } = mergeMapDocuments({ base, live, draft });
    expect(conflicts).toEqual([
      {
        id: "rule:po_spread",
        kind: "rule",
        label: "PO spread",
        base: { id: "po_spread", severity: "off", params: { max: 2 }, exemptTeams: [] },
        live: { id: "po_spread", severity: "warning", params: { max: 4 }, exemptTeams: [] },
        draft: { id: "po_spread", severity: "error", params: { max: 2 }, exemptTeams: [] },
      },
    ]);
    const chosen = mergeMapDocuments({ base, live, draft, choices: { "rule:po_spread": "draft" } });
    expect(chosen.conflicts).toEqual([]);
    const severities = Object.fromEntries(chosen.document.rules!.map((rule) => [rule.id, rule.severity]));
    expect(severities).toMatchObject({ team_size: "info", person_spread: "warning", po_spread: "error" });
    expect(chosen.document.rules!.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    expect(document.rules).toHaveLength(RULE_IDS.length);
  });

  it("sees no change in a lean whose keys were stored in another order", () => {
    const lean = { vision: "PO", roadmap: "PO", "data-analysis": "PM" } as const;
    const reversed = Object.fromEntries(Object.entries(lean).reverse());
    const base = withRules([{ id: "lean_mismatch", severity: "on", params: { lean } }]);
    const live = withRules([{ id: "lean_mismatch", severity: "on", params: { lean: reversed } }]);
    const draft = withRules([{ id: "lean_mismatch", severity: "warning", params: { lean } }]);
    const { document, conflicts } = mergeMapDocuments({ base, live, draft });
    expect(conflicts).toEqual([]);
    expect(document.rules!.find((rule) => rule.id === "lean_mismatch")!.severity).toBe("warning");
  });
});

describe("renameExemptTeams", () => {
  it("follows a renamed team, drops a deleted one, and returns only the settings that change", () => {
    const rules = applyRuleChanges(DEFAULT_RULES, [
      { id: "team_size", exemptTeams: ["checkout", "search"] },
      { id: "idle_slot", exemptTeams: ["search"] },
      { id: "dual_role", exemptTeams: ["billing"] },
    ]);
    const changed = renameExemptTeams(rules, {
      renamed: new Map([["checkout", "payments"]]),
      removed: new Set(["search"]),
    });
    expect(changed.map((rule) => [rule.id, rule.exemptTeams])).toEqual([
      ["idle_slot", []],
      ["team_size", ["payments"]],
    ]);
  });
});
