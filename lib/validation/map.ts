import { z } from "zod";
import { isValidKey, KEY_MAX_LENGTH, KEY_PATTERN } from "@/lib/domain/keys";
import { MAP_FORMAT, type TMapDocument, type TMapDocumentInput } from "@/lib/domain/map-format";
import { DEFAULT_ALLOCATION, DEFAULT_CAPACITY, normalizeRole, RACI_LEVELS } from "@/lib/domain/model";
import { checkRuleChanges, listedRuleSettings, type TRuleSetting } from "@/lib/domain/rules";
import { isMomentInRange, MOMENT_OUT_OF_RANGE } from "@/lib/domain/journal";
import { termProblems } from "@/lib/domain/slot-terms";

/** The largest map document a request may carry: a 5,000-team map (MAP_LIMITS.teams) is about 25 MB. */
export const MAP_IMPORT_BODY_LIMIT_BYTES = 50_000_000;

/** Upper bounds that keep an import to a size the server can check and store in one go. */
export const MAP_LIMITS = {
  duties: 200,
  people: 100_000,
  teams: 5_000,
  slotsPerTeam: 50,
  assignmentsPerTeam: 2_000,
  slotsTotal: 100_000,
  assignmentsTotal: 500_000,
  nameLength: 120,
  titleLength: 120,
  roleLength: 60,
  descriptionLength: 2_000,
  emailLength: 254,
  /** Full-time equivalents; more than this is a typo, not a person. */
  capacity: 10,
  /** A slot takes at most all of one full-time person. */
  allocation: 1,
} as const;

/** Past this many problems the rest are summarised in one line: nobody reads ten thousand messages. */
export const MAP_MAX_REPORTED_ERRORS = 500;

type TEntity = "duty" | "person" | "team" | "slot";

// Lets a message tell a missing field from one of the wrong type.
function missingOr(missing: string, wrongType: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType) };
}

const KEY_SHAPE = `lower-case letters, digits and single hyphens, at most ${KEY_MAX_LENGTH} characters`;

function ZKeyOf(entity: TEntity, example: string) {
  return z
    .string(
      missingOr(
        `Add a "key" for this ${entity}, like "${example}".`,
        `A ${entity} key must be text, like "${example}".`,
      ),
    )
    .max(KEY_MAX_LENGTH, `A key has at most ${KEY_MAX_LENGTH} characters; shorten it.`)
    .regex(KEY_PATTERN, `Write the key with ${KEY_SHAPE}, like "${example}".`);
}

function ZReferenceTo(entity: TEntity, field: string, example: string) {
  return z
    .string(
      missingOr(
        `Add "${field}": the key of a ${entity}, like "${example}".`,
        `"${field}" must be the key of a ${entity}, like "${example}".`,
      ),
    )
    .regex(KEY_PATTERN, `"${field}" must be the key of a ${entity} (${KEY_SHAPE}), like "${example}".`);
}

function ZName(entity: TEntity) {
  return z
    .string(missingOr(`Add a "name" for this ${entity}.`, `The ${entity}'s "name" must be text.`))
    .trim()
    .min(1, `Give the ${entity} a name.`)
    .max(MAP_LIMITS.nameLength, `A name has at most ${MAP_LIMITS.nameLength} characters; shorten it.`);
}

function ZDescription(entity: TEntity) {
  return z
    .string({ error: `The ${entity}'s "description" must be text; leave it out if there is none.` })
    .trim()
    .max(
      MAP_LIMITS.descriptionLength,
      `A description has at most ${MAP_LIMITS.descriptionLength} characters; shorten it.`,
    );
}

const NUMBER_ERROR = { error: (issue: { input?: unknown }) => numberProblem(issue.input) };
function numberProblem(input: unknown): string {
  if (typeof input === "number") return "Use a finite number here.";
  return "Use a number here, like 1 or 0.5.";
}

export const ZMapDuty = z.strictObject(
  {
    key: ZKeyOf("duty", "roadmap"),
    name: ZName("duty"),
    description: ZDescription("duty").default(""),
    required: z.boolean({ error: `"required" must be true or false.` }).default(true),
  },
  { error: objectError("duty") },
);

export const ZMapPerson = z.strictObject(
  {
    key: ZKeyOf("person", "ada-lovelace"),
    name: ZName("person"),
    email: z
      .string({ error: `"email" must be text, like "ada@example.com"; leave it out if unknown.` })
      .trim()
      .toLowerCase()
      .max(MAP_LIMITS.emailLength, `An email address has at most ${MAP_LIMITS.emailLength} characters.`)
      .pipe(z.email({ error: `Write a valid email address, like "ada@example.com", or leave "email" out.` }))
      .nullish(),
    capacity: z
      .number(NUMBER_ERROR)
      .min(0, `"capacity" cannot be negative; use 0 for someone with no time to give.`)
      .max(
        MAP_LIMITS.capacity,
        `"capacity" is in full-time equivalents (1 is one full-time person); at most ${MAP_LIMITS.capacity}.`,
      )
      .default(DEFAULT_CAPACITY),
  },
  { error: objectError("person") },
);

/** A moment in a map document: ISO 8601 in, the same moment as ISO 8601 in UTC out (so exports are byte-stable). */
const ZMapMoment = (field: string) =>
  z
    .string({ error: `"${field}" must be a date and time, like 2027-03-01T09:00:00Z.` })
    .trim()
    .max(40, `"${field}" must be a date and time, like 2027-03-01T09:00:00Z.`)
    .refine((value) => isMomentInRange(new Date(value)), MOMENT_OUT_OF_RANGE(field))
    // Also run after a failed check: a text that is no moment stays as it is (and the check's message says why).
    .overwrite((value) => (isMomentInRange(new Date(value)) ? new Date(value).toISOString() : value));

export const ZMapSlot = z.strictObject(
  {
    key: ZKeyOf("slot", "po"),
    role: z
      .string(
        missingOr(
          `Add a "role": "PO", "PM" or a label such as "Tech lead".`,
          `"role" must be text: "PO", "PM" or a label such as "Tech lead".`,
        ),
      )
      .trim()
      .min(1, `Give the slot a role: "PO", "PM" or a label such as "Tech lead".`)
      .max(MAP_LIMITS.roleLength, `A role has at most ${MAP_LIMITS.roleLength} characters; shorten it.`)
      .overwrite(normalizeRole),
    title: z
      .string({ error: `"title" must be text; leave it out if there is none.` })
      .trim()
      .min(1, `Give "title" some text, or leave it out.`)
      .max(MAP_LIMITS.titleLength, `A title has at most ${MAP_LIMITS.titleLength} characters; shorten it.`)
      .nullish(),
    holder: z
      .string({ error: `"holder" must be the key of a person, or null when the slot is vacant.` })
      .regex(KEY_PATTERN, `"holder" must be the key of a person (${KEY_SHAPE}), or null when the slot is vacant.`)
      .nullable()
      .default(null),
    holderUntil: ZMapMoment("holderUntil").nullish(),
    nextHolder: z
      .string({ error: `"nextHolder" must be the key of a person, or null when nobody is planned.` })
      .regex(KEY_PATTERN, `"nextHolder" must be the key of a person (${KEY_SHAPE}), or null when nobody is planned.`)
      .nullish(),
    nextHolderFrom: ZMapMoment("nextHolderFrom").nullish(),
    allocation: z
      .number(NUMBER_ERROR)
      .gt(0, `"allocation" is the share of the holder's time and must be more than 0, like 0.5.`)
      .max(
        MAP_LIMITS.allocation,
        `"allocation" is the share of the holder's time; at most ${MAP_LIMITS.allocation} (all of it).`,
      )
      .default(DEFAULT_ALLOCATION),
  },
  { error: objectError("slot") },
);

export const ZMapAssignment = z.strictObject(
  {
    duty: ZReferenceTo("duty", "duty", "roadmap"),
    slot: ZReferenceTo("slot", "slot", "po"),
    level: z.enum(RACI_LEVELS, {
      error: `Set "level" to "accountable", "responsible", "consulted" or "informed".`,
    }),
  },
  { error: objectError("assignment") },
);

export const ZMapTeam = z.strictObject(
  {
    key: ZKeyOf("team", "checkout"),
    name: ZName("team"),
    description: ZDescription("team").nullish(),
    group: z
      .string({ error: `The team's "group" must be text, like "Payments area"; leave it out if there is none.` })
      .trim()
      .max(MAP_LIMITS.nameLength, `A group has at most ${MAP_LIMITS.nameLength} characters; shorten it.`)
      .meta({ description: 'The team\'s group ("Payments area"); empty or null: in no group.' })
      .nullish(),
    slots: z
      .array(ZMapSlot, { error: `"slots" must be a list of the team's slots.` })
      .max(
        MAP_LIMITS.slotsPerTeam,
        `A team has at most ${MAP_LIMITS.slotsPerTeam} slots; split the team or remove some.`,
      )
      .default([]),
    assignments: z
      .array(ZMapAssignment, { error: `"assignments" must be a list of { "duty", "slot", "level" }.` })
      .max(MAP_LIMITS.assignmentsPerTeam, `A team has at most ${MAP_LIMITS.assignmentsPerTeam} assignments.`)
      .default([]),
  },
  { error: objectError("team") },
);

export const ZMapDocument = z.strictObject(
  {
    format: z.literal(MAP_FORMAT, {
      error: (issue) =>
        issue.input === undefined
          ? `Add "format": "${MAP_FORMAT}" at the top of the file.`
          : `This file's format is ${JSON.stringify(issue.input)}; Remit can import "${MAP_FORMAT}" only.`,
    }),
    duties: z
      .array(ZMapDuty, { error: `"duties" must be a list of duties.` })
      .max(MAP_LIMITS.duties, `A map has at most ${MAP_LIMITS.duties} duties.`)
      .default([]),
    people: z
      .array(ZMapPerson, { error: `"people" must be a list of people.` })
      .max(MAP_LIMITS.people, `A map has at most ${MAP_LIMITS.people.toLocaleString("en")} people; split the file.`)
      .default([]),
    teams: z
      .array(ZMapTeam, { error: `"teams" must be a list of teams.` })
      .max(MAP_LIMITS.teams, `A map has at most ${MAP_LIMITS.teams.toLocaleString("en")} teams; split the file.`)
      .default([]),
    // Checked by the rules' own checks (checkDocumentRules), which report every problem with its path.
    rules: z
      .unknown()
      .optional()
      .meta({
        description:
          "The rules' settings, `[{ id, severity, params, exemptTeams }]` (see the Rule and RuleSetting schemas): an " +
          "export lists every rule in the catalogue's order. On import, each rule listed takes the settings given " +
          "(what it leaves out, its defaults); unlisted rules keep theirs; without `rules` no rule changes.",
      }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? `A map must be a JSON object with "format": "${MAP_FORMAT}", "duties", "people" and "teams".`
        : undefined,
  },
);

// The schema checks the format that lib/domain/map-format.ts describes: if the two drift apart, this fails to compile.
// `rules` are checked by checkRuleChanges (lib/domain/rules.ts), which the format's types come from.
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesFormat: [
  TSame<Omit<z.output<typeof ZMapDocument>, "rules">, Omit<TMapDocument, "rules">>,
  TSame<Omit<z.input<typeof ZMapDocument>, "rules">, Omit<TMapDocumentInput, "rules">>,
] = [true, true];
void schemaMatchesFormat;

export type TMapValidationError = {
  /** Where the problem is, like `teams[2].assignments[0].slot`; "" for the document as a whole. */
  path: string;
  message: string;
};

export type TMapValidationResult = { ok: true; document: TMapDocument } | { ok: false; errors: TMapValidationError[] };

/**
 * Checks a remit.map/v1 document and reports every problem at once, in document order: the shape of each field and
 * the references between entities (unknown people, duties and slots; duplicate keys and emails; two levels for one
 * duty and slot). Pure: pass it the parsed JSON; on success `document` has defaults filled in and text tidied.
 */
export function validateMapDocument(input: unknown): TMapValidationResult {
  const parsed = ZMapDocument.safeParse(input);
  const problems: TProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(issueProblems);
  const report: TReport = (path, message) => problems.push({ path, message });
  checkReferences(input, report);
  const rules = checkDocumentRules(input, report);
  if (problems.length === 0 && parsed.success) {
    const { rules: _unchecked, ...map } = parsed.data;
    return { ok: true, document: rules ? { ...map, rules } : map };
  }

  // Document order, so that everything wrong with one team is listed together.
  problems.sort((a, b) => comparePaths(a.path, b.path));
  const errors = problems.slice(0, MAP_MAX_REPORTED_ERRORS).map((problem) => ({
    path: formatPath(problem.path),
    message: problem.message,
  }));
  const hidden = problems.length - errors.length;
  if (hidden > 0) {
    errors.push({
      path: "",
      message: `…and ${hidden.toLocaleString("en")} more problems. Fix these, then check the file again to see the rest.`,
    });
  }
  return { ok: false, errors };
}

/** `["teams", 2, "slots", 0, "key"]` -> `teams[2].slots[0].key`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

type TProblem = { path: PropertyKey[]; message: string };

function issueProblems(issue: z.core.$ZodIssue): TProblem[] {
  if (issue.code === "unrecognized_keys") {
    // One error per field, at the field itself, so an editor can point at it.
    const allowed = fieldsAt(issue.path);
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      message: `Remove ${JSON.stringify(key)}: it is not a field of ${allowed.noun}. Its fields are ${allowed.fields}.`,
    }));
  }
  return [{ path: issue.path, message: issue.message }];
}

// A field's position in its object as the format lists it; unknown fields go last.
const FIELD_RANK = new Map<string, number>();
for (const schema of [ZMapDocument, ZMapDuty, ZMapPerson, ZMapTeam, ZMapSlot, ZMapAssignment]) {
  Object.keys(schema.shape).forEach((field, rank) => {
    if (!FIELD_RANK.has(field)) FIELD_RANK.set(field, rank);
  });
}

/** Orders paths as their places appear in the document: a parent before its children, list items by index. */
function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    const rankX = FIELD_RANK.get(String(x)) ?? FIELD_RANK.size;
    const rankY = FIELD_RANK.get(String(y)) ?? FIELD_RANK.size;
    return rankX - rankY || (String(x) < String(y) ? -1 : 1);
  }
  return a.length - b.length;
}

function fieldsAt(path: readonly PropertyKey[]): { noun: string; fields: string } {
  const list = (schema: { shape: object }) => {
    const fields = Object.keys(schema.shape).map((field) => `"${field}"`);
    return `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;
  };
  const [first, , third] = path;
  if (path.length === 0) return { noun: "a map", fields: list(ZMapDocument) };
  if (first === "duties") return { noun: "a duty", fields: list(ZMapDuty) };
  if (first === "people") return { noun: "a person", fields: list(ZMapPerson) };
  if (third === "slots") return { noun: "a slot", fields: list(ZMapSlot) };
  if (third === "assignments") return { noun: "an assignment", fields: list(ZMapAssignment) };
  return { noun: "a team", fields: list(ZMapTeam) };
}

function objectError(noun: string) {
  return (issue: { code?: string }) =>
    issue.code === "invalid_type" ? `Each ${noun} must be an object with the ${noun}'s fields.` : undefined;
}

type TReport = (path: PropertyKey[], message: string) => void;

/**
 * Cross-reference checks, run on the raw input so that they report alongside shape errors. Each check looks only
 * at values that are well-formed enough to compare (keys of the right shape), so one mistake is reported once.
 */
function checkReferences(input: unknown, report: TReport): void {
  const document = asRecord(input);
  if (!document) return;
  // A list left out is empty (as ZMapDocument's defaults make it), so references into it are checked too.
  const listOf = (value: unknown) => (value === undefined ? [] : asArray(value));
  const duties = listOf(document.duties);
  const people = listOf(document.people);
  const teams = asArray(document.teams);

  const dutyKeys = duties && uniqueKeys(duties, "duties", "duty", report);
  const personKeys = people && uniqueKeys(people, "people", "person", report);
  if (people) uniqueEmails(people, report);
  if (teams) uniqueKeys(teams, "teams", "team", report);

  let slotsTotal = 0;
  let assignmentsTotal = 0;
  teams?.forEach((rawTeam, ti) => {
    const team = asRecord(rawTeam);
    if (!team) return;
    const teamKey = keyOf(team);
    const slots = listOf(team.slots);
    const assignments = asArray(team.assignments);
    slotsTotal += slots?.length ?? 0;
    assignmentsTotal += assignments?.length ?? 0;

    const slotKeys = slots && uniqueKeys(slots, ["teams", ti, "slots"], "slot", report, "in this team");
    if (personKeys) {
      slots?.forEach((rawSlot, si) => {
        const slot = asRecord(rawSlot);
        const holder = slot?.holder;
        if (typeof holder === "string" && isValidKey(holder) && !personKeys.has(holder)) {
          report(
            ["teams", ti, "slots", si, "holder"],
            `No person has the key "${holder}". Add them to "people", or set "holder" to null if the slot is vacant.`,
          );
        }
        const next = slot?.nextHolder;
        if (typeof next === "string" && isValidKey(next) && !personKeys.has(next)) {
          report(
            ["teams", ti, "slots", si, "nextHolder"],
            `No person has the key "${next}". Add them to "people", or leave "nextHolder" out.`,
          );
        }
        if (slot) reportTermShape(slot, ["teams", ti, "slots", si], report);
      });
    }

    const cells = new Map<string, number>();
    assignments?.forEach((rawAssignment, ai) => {
      const assignment = asRecord(rawAssignment);
      if (!assignment) return;
      const duty = validKeyOrNull(assignment.duty);
      const slot = validKeyOrNull(assignment.slot);
      const path = ["teams", ti, "assignments", ai];
      if (duty !== null && dutyKeys && !dutyKeys.has(duty)) {
        report(
          [...path, "duty"],
          `No duty has the key "${duty}". Use the key of one of the "duties", or add it there.`,
        );
      }
      if (slot !== null && slotKeys && !slotKeys.has(slot)) {
        const whose = teamKey ? `Team "${teamKey}"` : "This team";
        report(
          [...path, "slot"],
          `${whose} has no slot with the key "${slot}". Use the key of one of its "slots", or add the slot there.`,
        );
      }
      if (duty === null || slot === null) return;
      const cell = `${duty}\u0000${slot}`;
      const first = cells.get(cell);
      if (first === undefined) {
        cells.set(cell, ai);
      } else {
        report(
          path,
          `${formatPath(["teams", ti, "assignments", first])} already gives slot "${slot}" a level for duty "${duty}". ` +
            "A slot has one level per duty; remove one of the two.",
        );
      }
    });
  });

  if (slotsTotal > MAP_LIMITS.slotsTotal) {
    report(["teams"], `A map has at most ${MAP_LIMITS.slotsTotal.toLocaleString("en")} slots in all; split the file.`);
  }
  if (assignmentsTotal > MAP_LIMITS.assignmentsTotal) {
    report(
      ["teams"],
      `A map has at most ${MAP_LIMITS.assignmentsTotal.toLocaleString("en")} assignments in all; split the file.`,
    );
  }
}

/**
 * The document's `rules`, checked as a change of the rules is (checkRuleChanges: unknown rules and parameters, values
 * of the wrong type or out of range, a rule listed twice, exempt teams the document does not have), each listed rule
 * completed from its defaults; undefined when the document has none.
 */
function checkDocumentRules(input: unknown, report: TReport): TRuleSetting[] | undefined {
  const document = asRecord(input);
  if (!document || document.rules === undefined) return undefined;
  const teamKeys = new Set(
    (asArray(document.teams) ?? []).flatMap((team) => {
      const key = asRecord(team) && validKeyOrNull(asRecord(team)!.key);
      return key ? [key] : [];
    }),
  );
  const checked = checkRuleChanges({ rules: document.rules }, { teamKeys });
  if (!checked.ok) {
    for (const problem of checked.problems) report(problem.path, problem.message);
    return undefined;
  }
  return listedRuleSettings(checked.changes);
}

/** The well-formed keys of a list; reports each later use of a key that is already taken. */
function uniqueKeys(
  items: readonly unknown[],
  at: string | PropertyKey[],
  noun: TEntity,
  report: TReport,
  scope = "",
): Map<string, number> {
  const base = typeof at === "string" ? [at] : at;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const record = asRecord(item);
    const key = record ? validKeyOrNull(record.key) : null;
    if (key === null) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const where = scope ? ` ${scope}` : "";
    report(
      [...base, index, "key"],
      `${formatPath([...base, first])} already has the key "${key}"${where}. ` +
        `Give each ${noun} ${noun === "person" ? "their" : "its"} own key.`,
    );
  });
  return seen;
}

/** A slot's terms that cannot be (an end on a vacant slot, a next holder without a start): when they are, not what. */
function reportTermShape(slot: Record<string, unknown>, path: PropertyKey[], report: TReport): void {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const moment = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null);
  // Malformed fields are the schema's to report; here only what the fields say together.
  if (slot.holderUntil != null && moment(slot.holderUntil) === null) return;
  if (slot.nextHolderFrom != null && moment(slot.nextHolderFrom) === null) return;
  const terms = {
    holder: text(slot.holder),
    holderUntil: moment(slot.holderUntil),
    nextHolder: text(slot.nextHolder),
    nextHolderFrom: moment(slot.nextHolderFrom),
  };
  for (const { field, message } of termProblems(terms, Number.NEGATIVE_INFINITY)) {
    report([...path, field === "nextHolderId" ? "nextHolder" : field], message);
  }
}

function uniqueEmails(people: readonly unknown[], report: TReport): void {
  const seen = new Map<string, number>();
  people.forEach((item, index) => {
    const email = asRecord(item)?.email;
    if (typeof email !== "string") return;
    const normalized = email.trim().toLowerCase();
    if (!normalized) return;
    const first = seen.get(normalized);
    if (first === undefined) {
      seen.set(normalized, index);
      return;
    }
    report(
      ["people", index, "email"],
      `${formatPath(["people", first])} already has the email "${normalized}". ` +
        "Give each person their own email, or leave it out.",
    );
  });
}

function keyOf(record: Record<string, unknown>): string | null {
  return validKeyOrNull(record.key);
}

function validKeyOrNull(value: unknown): string | null {
  return typeof value === "string" && isValidKey(value) ? value : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asArray(value: unknown): readonly unknown[] | null {
  return Array.isArray(value) ? value : null;
}

/**
 * The terms of a checked document that end or start at or before `now`: an import sets a map as it is from now on,
 * so a moment that has passed is refused there, as a PATCH of the slot refuses it. Each with its path.
 */
export function pastTerms(document: TMapDocument, now: number): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  document.teams.forEach((team, ti) =>
    team.slots.forEach((slot, si) => {
      const terms = {
        holder: slot.holder,
        holderUntil: slot.holderUntil ?? null,
        nextHolder: slot.nextHolder ?? null,
        nextHolderFrom: slot.nextHolderFrom ?? null,
      };
      for (const { field, message } of termProblems(terms, now)) {
        problems.push({
          path: formatPath(["teams", ti, "slots", si, field === "nextHolderId" ? "nextHolder" : field]),
          message,
        });
      }
    }),
  );
  return problems;
}
