// Rules: what each organisation counts as a gap or an overlap. The catalogue below names every rule, its severity and
// parameters; `analyzeMap` applies a resolved set (`TRules`). The defaults reproduce the six flags Remit always had,
// so an organisation that changes nothing sees nothing change.
import type { TSeverity } from "./health-score";
import { isValidKey } from "./keys";
import { PM_ROLE, PO_ROLE, type TStandardRole } from "./model";
import { PO_PM_LEAN } from "./po-pm-split";

/** A rule's severity: the flag's severity, or `off` for a rule that flags nothing and costs nothing. */
export const RULE_SEVERITIES = ["error", "warning", "info", "off"] as const;
export type TRuleSeverity = (typeof RULE_SEVERITIES)[number];

/** The rules on by default: the six flags Remit always had. */
export const DEFAULT_ON_RULE_IDS = [
  "unowned_duty",
  "shared_ownership",
  "vacant_slot",
  "dual_role",
  "overloaded_person",
  "idle_slot",
] as const;

/** The rules off by default, which an organisation may turn on. */
export const OFF_BY_DEFAULT_RULE_IDS = [
  "no_responsible",
  "too_many_consulted",
  "lean_mismatch",
  "po_spread",
  "person_spread",
  "team_size",
] as const;

/** Every rule, in the order lists, exports and counts use: the six on by default, then the others. */
export const RULE_IDS = [...DEFAULT_ON_RULE_IDS, ...OFF_BY_DEFAULT_RULE_IDS] as const;
export type TRuleId = (typeof RULE_IDS)[number];

/**
 * A team rule judges one team at a time and can exempt teams; a person rule counts a person's slots in every team,
 * so exempting a team would change what it measures.
 */
export type TRuleScope = "team" | "person";

/** Duty key -> the role its accountable slot should have. */
export type TLean = Readonly<Record<string, TStandardRole>>;

export type TRuleParams = {
  unowned_duty: Record<string, never>;
  shared_ownership: { max: number };
  vacant_slot: Record<string, never>;
  dual_role: Record<string, never>;
  overloaded_person: { tolerance: number };
  idle_slot: Record<string, never>;
  no_responsible: Record<string, never>;
  too_many_consulted: { max: number };
  lean_mismatch: { lean: TLean };
  po_spread: { max: number };
  person_spread: { max: number };
  team_size: { max: number };
};

/** What a parameter accepts. Integers are safe integers, numbers finite; both at least `min`. */
export type TParamSpec =
  | { type: "integer"; min: number; description: string }
  | { type: "number"; min: number; description: string }
  | { type: "lean"; description: string };

export type TRuleDefinition<Id extends TRuleId = TRuleId> = {
  id: Id;
  /** A few plain words, for lists and labels ("Unowned duty"). */
  name: string;
  /** What the rule flags, in plain words. */
  description: string;
  scope: TRuleScope;
  defaultSeverity: TRuleSeverity;
  /** The severity the rule takes when it is turned on without one. */
  severityWhenOn: TSeverity;
  defaultParams: TRuleParams[Id];
  params: { readonly [Param in keyof TRuleParams[Id]]: TParamSpec };
};

/** One rule's settings, as stored, exported and imported. `exemptTeams` holds team keys; always empty for person rules. */
export type TRuleSettingOf<Id extends TRuleId> = {
  id: Id;
  severity: TRuleSeverity;
  params: TRuleParams[Id];
  exemptTeams: readonly string[];
};
export type TRuleSetting = { [Id in TRuleId]: TRuleSettingOf<Id> }[TRuleId];

/** Every rule's settings, defaults filled in: what `analyzeMap` is given. */
export type TRules = { readonly [Id in TRuleId]: TRuleSettingOf<Id> };

/**
 * A change to one rule, as a PATCH, a draft or an import sends it. What it leaves out keeps its current value;
 * `params` it names replace theirs (a `lean` replaces the whole map). `severity: "on"` turns the rule on: it keeps its
 * severity when already on, and takes `severityWhenOn` when off.
 */
export type TRuleChange = {
  [Id in TRuleId]: {
    id: Id;
    severity?: TRuleSeverity | "on";
    params?: Partial<TRuleParams[Id]>;
    exemptTeams?: readonly string[];
  };
}[TRuleId];

const MAX_PARAM = (description: string, min: number): TParamSpec => ({ type: "integer", min, description });

export const RULE_CATALOGUE: { readonly [Id in TRuleId]: TRuleDefinition<Id> } = {
  unowned_duty: {
    id: "unowned_duty",
    name: "Unowned duty",
    description: "A required duty has no accountable slot in a team.",
    scope: "team",
    defaultSeverity: "error",
    severityWhenOn: "error",
    defaultParams: {},
    params: {},
  },
  shared_ownership: {
    id: "shared_ownership",
    name: "Shared ownership",
    description: "More slots of one team than the maximum are accountable for the same duty.",
    scope: "team",
    defaultSeverity: "error",
    severityWhenOn: "error",
    defaultParams: { max: 1 },
    params: { max: MAX_PARAM("How many slots of a team may be accountable for one duty.", 1) },
  },
  vacant_slot: {
    id: "vacant_slot",
    name: "Vacant slot",
    description:
      "A slot has no holder. The severity applies when the slot is accountable for something, one step lower " +
      "(error to warning, warning to info; info stays info) when it is not.",
    scope: "team",
    defaultSeverity: "error",
    severityWhenOn: "error",
    defaultParams: {},
    params: {},
  },
  dual_role: {
    id: "dual_role",
    name: "Dual role",
    description: "One person holds both a PO slot and a PM slot of the same team.",
    scope: "team",
    defaultSeverity: "warning",
    severityWhenOn: "warning",
    defaultParams: {},
    params: {},
  },
  overloaded_person: {
    id: "overloaded_person",
    name: "Overloaded person",
    description:
      "A person's allocations, across all teams, exceed their capacity × (1 + tolerance); exactly equal is fine.",
    scope: "person",
    defaultSeverity: "warning",
    severityWhenOn: "warning",
    defaultParams: { tolerance: 0 },
    params: {
      tolerance: {
        type: "number",
        min: 0,
        description: "How far above capacity allocations may go, as a share of it: 0.1 allows 10% more.",
      },
    },
  },
  idle_slot: {
    id: "idle_slot",
    name: "Idle slot",
    description: "A filled slot has no assignment at any level.",
    scope: "team",
    defaultSeverity: "info",
    severityWhenOn: "info",
    defaultParams: {},
    params: {},
  },
  no_responsible: {
    id: "no_responsible",
    name: "No responsible",
    description: "A required duty has no slot at level responsible in a team.",
    scope: "team",
    defaultSeverity: "off",
    severityWhenOn: "warning",
    defaultParams: {},
    params: {},
  },
  too_many_consulted: {
    id: "too_many_consulted",
    name: "Too many consulted",
    description: "More slots of one team than the maximum are consulted on the same duty.",
    scope: "team",
    defaultSeverity: "off",
    severityWhenOn: "info",
    defaultParams: { max: 3 },
    params: { max: MAX_PARAM("How many slots of a team may be consulted on one duty.", 0) },
  },
  lean_mismatch: {
    id: "lean_mismatch",
    name: "Lean mismatch",
    description:
      "The accountable slot for a duty has the role the PO/PM guide does not lean it to. By default vision, " +
      "strategy, feature decisions and roadmap lean to the PO; day-to-day, market research and data analysis to the " +
      "PM. Only PO and PM slots are judged.",
    scope: "team",
    defaultSeverity: "off",
    severityWhenOn: "info",
    defaultParams: { lean: PO_PM_LEAN },
    params: { lean: { type: "lean", description: 'Duty keys and the role ("PO" or "PM") each leans to.' } },
  },
  po_spread: {
    id: "po_spread",
    name: "PO spread",
    description: "A person holds PO slots in more teams than the maximum.",
    scope: "person",
    defaultSeverity: "off",
    severityWhenOn: "warning",
    defaultParams: { max: 2 },
    params: { max: MAX_PARAM("In how many teams one person may hold a PO slot.", 1) },
  },
  person_spread: {
    id: "person_spread",
    name: "Person spread",
    description: "A person holds slots in more teams than the maximum.",
    scope: "person",
    defaultSeverity: "off",
    severityWhenOn: "warning",
    defaultParams: { max: 3 },
    params: { max: MAX_PARAM("In how many teams one person may hold slots.", 1) },
  },
  team_size: {
    id: "team_size",
    name: "Team size",
    description: "More distinct people than the maximum hold slots in a team.",
    scope: "team",
    defaultSeverity: "off",
    severityWhenOn: "warning",
    defaultParams: { max: 9 },
    params: { max: MAX_PARAM("How many distinct people may hold slots in one team.", 1) },
  },
};

/** The rules the PO/PM guide recommends; the Rules page turns them on in one step with `RECOMMENDED_CHANGES`. */
export const RECOMMENDED_RULES = ["lean_mismatch", "po_spread"] as const satisfies readonly TRuleId[];

/** Turning the recommended rules on: each takes its `severityWhenOn` unless already on; parameters stay. */
export const RECOMMENDED_CHANGES: readonly TRuleChange[] = RECOMMENDED_RULES.map((id) => ({ id, severity: "on" }));

/**
 * Every rule at its default: the six flags Remit always had. Frozen through and through, since resolved rules share
 * the settings they do not change with it.
 */
export const DEFAULT_RULES: TRules = Object.freeze(
  Object.fromEntries(
    RULE_IDS.map((id) => {
      const { defaultSeverity, defaultParams } = RULE_CATALOGUE[id];
      const params = Object.freeze(defaultParams);
      return [id, Object.freeze({ id, severity: defaultSeverity, params, exemptTeams: Object.freeze([]) })];
    }),
  ) as unknown as TRules,
);

/** The catalogue entry without its per-rule parameter types, for code that walks every rule alike. */
type TAnyRuleDefinition = Omit<TRuleDefinition, "params" | "defaultParams"> & {
  params: Readonly<Record<string, TParamSpec>>;
  defaultParams: Readonly<Record<string, unknown>>;
};
type TAnyRuleSetting = { id: TRuleId; severity: TRuleSeverity; params: object; exemptTeams: readonly string[] };

function definitionOf(id: TRuleId): TAnyRuleDefinition {
  return RULE_CATALOGUE[id] as TAnyRuleDefinition;
}

export function isRuleId(value: unknown): value is TRuleId {
  return typeof value === "string" && (RULE_IDS as readonly string[]).includes(value);
}

/** Whether a rule flags anything at all. */
export function isRuleOn(setting: Pick<TRuleSetting, "severity">): boolean {
  return setting.severity !== "off";
}

/**
 * `current` with `changes` applied; rules the changes do not list keep their settings. The changes must have passed
 * `checkRuleChanges` (or be typed code's own). Exempt teams are kept sorted and once each, so that an export is
 * stable; a person rule's are always empty.
 */
export function applyRuleChanges(current: TRules, changes: readonly TRuleChange[]): TRules {
  const next: Record<string, TAnyRuleSetting> = { ...current };
  for (const change of changes) {
    const before = next[change.id]!;
    const definition = definitionOf(change.id);
    let severity = change.severity ?? before.severity;
    if (severity === "on") severity = before.severity === "off" ? definition.severityWhenOn : before.severity;
    next[change.id] = {
      id: change.id,
      severity,
      params: change.params ? { ...before.params, ...change.params } : before.params,
      exemptTeams:
        definition.scope === "person" || !change.exemptTeams
          ? before.exemptTeams
          : [...new Set(change.exemptTeams)].sort(),
    };
  }
  return next as unknown as TRules;
}

/** A full set of rules from stored or imported settings (any subset, any field left out): defaults fill the rest. */
export function resolveRules(settings: readonly TRuleChange[]): TRules {
  return applyRuleChanges(DEFAULT_RULES, settings);
}

/** A rule's settings as stored or sent over the wire, not yet trusted to name a known rule and severity. */
export type TStoredRuleSetting = {
  id: string;
  severity: string;
  params: unknown;
  exemptTeams: readonly string[] | null;
};

/**
 * The rules from stored settings (the organisation's rows, or the list the server sends the browser): defaults fill
 * what they leave out, and a setting of a rule or severity the catalogue no longer has is ignored.
 */
export function resolveStoredRules(settings: readonly TStoredRuleSetting[]): TRules {
  return resolveRules(
    settings.flatMap((setting): TRuleChange[] => {
      if (!isRuleId(setting.id) || !(RULE_SEVERITIES as readonly string[]).includes(setting.severity)) return [];
      const params = typeof setting.params === "object" && setting.params !== null ? setting.params : {};
      return [
        { id: setting.id, severity: setting.severity, params, exemptTeams: setting.exemptTeams ?? [] } as TRuleChange,
      ];
    }),
  );
}

/** Every rule's settings in `RULE_IDS` order: what an export writes and `GET rules` answers. */
export function listRuleSettings(rules: TRules): TRuleSetting[] {
  return RULE_IDS.map((id) => rules[id]);
}

/**
 * The settings of the rules `changes` lists, each completed from its defaults, in `RULE_IDS` order: what a remit.map/v1
 * document's `rules` holds once checked (a rule it lists is set wholly; see `applyRuleChanges` for those it does not).
 */
export function listedRuleSettings(changes: readonly TRuleChange[]): TRuleSetting[] {
  const resolved = resolveRules(changes);
  const listed = new Set<TRuleId>(changes.map((change) => change.id));
  return RULE_IDS.filter((id) => listed.has(id)).map((id) => resolved[id]);
}

/**
 * A copy of a setting whose parameter objects have their keys sorted (and its own exempt list), so that its JSON does
 * not depend on how it was stored (PostgreSQL's jsonb orders keys its own way): what an export writes.
 */
export function sortedRuleSetting(setting: TRuleSetting): TRuleSetting {
  return { ...setting, params: sortedKeys(setting.params), exemptTeams: [...setting.exemptTeams] } as TRuleSetting;
}

function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, part]) => [key, sortedKeys(part)]),
  ) as T;
}

/** A setting as canonical JSON: equal when the settings are. */
export function canonicalRuleSetting(setting: TRuleSetting): string {
  return JSON.stringify(sortedRuleSetting(setting));
}

export function isSameRuleSetting(a: TRuleSetting, b: TRuleSetting): boolean {
  return canonicalRuleSetting(a) === canonicalRuleSetting(b);
}

/**
 * The rules after team keys changed: a renamed team stays exempt under its new key (`renamed`: old key -> new key),
 * and a deleted one (`removed`) is dropped. Only the settings that change are returned.
 */
export function renameExemptTeams(
  rules: TRules,
  {
    renamed = new Map(),
    removed = new Set(),
  }: { renamed?: ReadonlyMap<string, string>; removed?: ReadonlySet<string> },
): TRuleSetting[] {
  return listRuleSettings(rules).flatMap((setting) => {
    if (!setting.exemptTeams.some((key) => renamed.has(key) || removed.has(key))) return [];
    const exemptTeams = setting.exemptTeams.flatMap((key) => (removed.has(key) ? [] : [renamed.get(key) ?? key]));
    return [{ ...setting, exemptTeams: [...new Set(exemptTeams)].sort() }];
  });
}

export type TRuleProblem = {
  /** Where in the body, as JSON path segments: `["rules", 2, "params", "max"]`. */
  path: (string | number)[];
  message: string;
};

export type TRuleChangesCheck = { ok: true; changes: TRuleChange[] } | { ok: false; problems: TRuleProblem[] };

/** A `lean` with more entries than this is refused: no catalogue has that many duties. */
export const MAX_LEAN_ENTRIES = 500;

const CHANGE_FIELDS = ["id", "severity", "params", "exemptTeams"];

/**
 * Checks a body of rule changes, `{ rules: [{ id, severity?, params?, exemptTeams? }] }`, and reports every problem
 * at once: unknown or repeated rule ids, unknown fields and parameters, values of the wrong type or out of range,
 * exempt teams that are not the organisation's (`teamKeys`) or given to a person rule. An empty `exemptTeams` is
 * accepted everywhere, since an export writes one for every rule.
 */
export function checkRuleChanges(body: unknown, { teamKeys }: { teamKeys: ReadonlySet<string> }): TRuleChangesCheck {
  const problems: TRuleProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (!isPlainObject(body)) {
    problem([], 'Send the changes as a JSON object: { "rules": [{ "id": ..., "severity": ... }] }.');
    return { ok: false, problems };
  }
  for (const field of Object.keys(body)) if (field !== "rules") problem([field], `Unknown field "${field}".`);
  const list = body.rules;
  if (!Array.isArray(list)) {
    problem(["rules"], "Give rules as a list of changes, each with the id of a rule.");
    return { ok: false, problems };
  }

  const firstAt = new Map<string, number>();
  list.forEach((change: unknown, index) => {
    const at = (...rest: (string | number)[]) => ["rules", index, ...rest];
    if (!isPlainObject(change)) {
      problem(at(), "Give each change as an object with the id of a rule.");
      return;
    }
    for (const field of Object.keys(change)) {
      if (!CHANGE_FIELDS.includes(field))
        problem(at(field), `Unknown field "${field}"; a change has ${CHANGE_FIELDS.join(", ")}.`);
    }
    const { id, severity, params, exemptTeams } = change;
    if (!isRuleId(id)) {
      problem(
        at("id"),
        typeof id === "string"
          ? `There is no rule "${id}". The rules are ${RULE_IDS.join(", ")}.`
          : 'Give the id of a rule, such as "unowned_duty".',
      );
    } else if (firstAt.has(id)) {
      problem(at("id"), `The rule ${id} is already changed at rules.${firstAt.get(id)}; list each rule once.`);
    } else {
      firstAt.set(id, index);
    }
    if (severity !== undefined && !(severity === "on" || (RULE_SEVERITIES as readonly unknown[]).includes(severity))) {
      problem(at("severity"), 'Give severity as "error", "warning", "info", "off", or "on" for its usual severity.');
    }
    const definition = isRuleId(id) ? definitionOf(id) : null;
    if (params !== undefined) {
      if (!isPlainObject(params)) problem(at("params"), "Give params as an object of parameter names and values.");
      else if (definition) checkParams(definition, params, at("params"), problem);
    }
    if (exemptTeams !== undefined) {
      if (!Array.isArray(exemptTeams)) {
        problem(at("exemptTeams"), "Give exemptTeams as a list of team keys.");
      } else if (definition?.scope === "person" && exemptTeams.length > 0) {
        problem(
          at("exemptTeams"),
          `${definition.id} counts a person's slots in every team, so it cannot exempt teams; leave exemptTeams empty.`,
        );
      } else {
        exemptTeams.forEach((key: unknown, keyIndex) => {
          if (typeof key !== "string") problem(at("exemptTeams", keyIndex), "Give each exempt team as a team key.");
          else if (!teamKeys.has(key)) problem(at("exemptTeams", keyIndex), `No team has the key "${key}".`);
        });
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes: list as TRuleChange[] };
}

function checkParams(
  definition: TAnyRuleDefinition,
  params: Record<string, unknown>,
  path: (string | number)[],
  problem: (path: (string | number)[], message: string) => void,
): void {
  const known = Object.keys(definition.params);
  for (const [name, value] of Object.entries(params)) {
    const spec = Object.hasOwn(definition.params, name) ? definition.params[name] : undefined;
    const at = [...path, name];
    if (!spec) {
      problem(
        at,
        known.length === 0
          ? `${definition.id} has no parameters.`
          : `${definition.id} has no parameter "${name}"; it has ${known.join(", ")}.`,
      );
    } else if (spec.type === "lean") {
      checkLean(value, at, problem);
    } else {
      const isWhole = spec.type === "integer";
      const fits = typeof value === "number" && (isWhole ? Number.isSafeInteger(value) : Number.isFinite(value));
      if (!fits || value < spec.min) {
        problem(at, `Give ${name} as ${isWhole ? "a whole number" : "a number"} of at least ${spec.min}.`);
      }
    }
  }
}

function checkLean(
  value: unknown,
  path: (string | number)[],
  problem: (path: (string | number)[], message: string) => void,
) {
  if (!isPlainObject(value)) {
    problem(path, 'Give lean as an object of duty keys and roles, such as { "vision": "PO" }.');
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_LEAN_ENTRIES) problem(path, `Give lean at most ${MAX_LEAN_ENTRIES} duties.`);
  for (const [dutyKey, role] of entries.slice(0, MAX_LEAN_ENTRIES)) {
    if (!isValidKey(dutyKey)) problem([...path, dutyKey], `"${dutyKey}" is not a duty key.`);
    if (role !== PO_ROLE && role !== PM_ROLE) problem([...path, dutyKey], `A duty leans to "PO" or "PM".`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
