import "server-only";
import { z } from "zod";
import { FLAG_KINDS, SEVERITIES } from "@/lib/domain/analyze-map";
import { PM_ROLE, PO_ROLE, RACI_LEVELS } from "@/lib/domain/model";
import { OFF_BY_DEFAULT_RULE_IDS, RULE_IDS, RULE_SEVERITIES } from "@/lib/domain/rules";
import { named, ZDateTime } from "@/lib/server/http/contract";
import { ZMapDocument } from "@/lib/validation/map";

// What the map's routes answer: teams, slots, people, duties, cells, analyses and the whole map.

export const ZMapDocumentAnswer = named("MapDocument", ZMapDocument);

const ZRef = z.strictObject({ id: z.string(), key: z.string() });
const ZLevel = z.enum(RACI_LEVELS);

const ZPersonRef = z.strictObject({ id: z.string(), key: z.string(), name: z.string() });

export const ZSlotView = named(
  "SlotView",
  z.strictObject({
    id: z.string(),
    key: z.string().meta({ description: "Unique in the team." }),
    teamId: z.string(),
    role: z.string().meta({ description: `"${PO_ROLE}", "${PM_ROLE}" or a custom label.` }),
    title: z.string().nullable(),
    holderId: z.string().nullable().meta({ description: "null when the slot is vacant." }),
    holder: ZPersonRef.nullable(),
    holderUntil: ZDateTime.nullable().meta({
      description: "When the holder's term ends: then the slot is vacant (or its next holder's). null: no end.",
    }),
    nextHolderId: z.string().nullable().meta({ description: "Who takes the slot over at nextHolderFrom." }),
    nextHolder: ZPersonRef.nullable(),
    nextHolderFrom: ZDateTime.nullable().meta({ description: "When the next holder takes the slot over." }),
    allocation: z.number().meta({ description: "Share of the holder's time, in full-time equivalents." }),
    order: z.int().meta({ description: "Position among the team's slots; lower comes first." }),
    assignmentCount: z.int().meta({ description: "Assignments that deleting the slot would remove." }),
  }),
);

export const ZAssignment = named(
  "Assignment",
  z.strictObject({
    teamId: z.string(),
    dutyId: z.string(),
    slotId: z.string(),
    level: ZLevel,
    version: z.int().meta({ description: "Bumped on every change of the cell." }),
  }),
);

export const ZAssignmentCell = named(
  "AssignmentCell",
  ZAssignment.extend({
    level: ZLevel.nullable().meta({ description: "null for an empty cell." }),
    version: z.int().meta({ description: "Bumped on every change of the cell; 0 for an empty cell." }),
  }),
);

const teamFields = {
  id: z.string(),
  key: z.string().meta({ description: "Unique in the organisation." }),
  name: z.string(),
  description: z.string().nullable(),
  group: z.string().nullable().meta({ description: 'The team\'s group ("Payments area"); null when in none.' }),
};
export const ZTeamSummary = named(
  "TeamSummary",
  z.strictObject({
    ...teamFields,
    slots: z.array(ZSlotView),
    assignmentCount: z.int(),
  }),
);
export const ZTeamDetail = named(
  "TeamDetail",
  z.strictObject({
    ...teamFields,
    slots: z.array(ZSlotView),
    assignments: z.array(ZAssignment).meta({ description: "By duty in catalogue order, then slot order." }),
  }),
);

export const ZPersonView = named(
  "PersonView",
  z.strictObject({
    id: z.string(),
    key: z.string().meta({ description: "Unique in the organisation." }),
    name: z.string(),
    email: z.string().nullable(),
    capacity: z.number().meta({ description: "Full-time equivalents this person can give." }),
    allocated: z.number().meta({ description: "Sum of the allocations of the slots they hold." }),
    slots: z.array(
      z.strictObject({
        id: z.string(),
        key: z.string(),
        role: z.string(),
        title: z.string().nullable(),
        allocation: z.number(),
        team: z.strictObject({ id: z.string(), key: z.string(), name: z.string() }),
      }),
    ),
  }),
);

export const ZDutyView = named(
  "DutyView",
  z.strictObject({
    id: z.string(),
    key: z.string().meta({ description: "Unique in the organisation." }),
    name: z.string(),
    description: z.string(),
    required: z.boolean().meta({ description: "A required duty must have an accountable slot in every team." }),
    order: z.int().meta({ description: "Position in the catalogue; lower comes first." }),
    assignmentCount: z.int().meta({ description: "Assignments (in all teams) that deleting the duty would remove." }),
  }),
);

export const ZDeletedTeam = named(
  "DeletedTeam",
  z.strictObject({ id: z.string(), key: z.string(), slots: z.int(), assignments: z.int() }),
);
export const ZDeletedPerson = named(
  "DeletedPerson",
  z.strictObject({ id: z.string(), key: z.string(), vacatedSlots: z.int() }),
);
export const ZDeletedDuty = named(
  "DeletedDuty",
  z.strictObject({ id: z.string(), key: z.string(), assignments: z.int() }),
);
export const ZDeletedSlot = named(
  "DeletedSlot",
  z.strictObject({ id: z.string(), key: z.string(), assignments: z.int() }),
);

export const ZAppliedSplit = named(
  "AppliedSplit",
  z.strictObject({
    assignments: z.array(ZAssignment).meta({ description: "The cells that were empty and were set, at version 1." }),
    missingRoles: z
      .array(z.enum([PO_ROLE, PM_ROLE]))
      .meta({ description: "Standard roles the team has no slot for; their half of the split was left out." }),
    missingDutyKeys: z
      .array(z.string())
      .meta({ description: "Duty keys of the split that the catalogue lacks; those rules were skipped." }),
  }),
);

export const ZMapCounts = named(
  "MapCounts",
  z.strictObject({
    duties: z.int(),
    people: z.int(),
    teams: z.int(),
    slots: z.int(),
    assignments: z.int(),
  }),
);

const flagBase = {
  id: z.string().meta({ description: "Stable across analyses for the same problem." }),
  message: z.string(),
};
// A flag's severity is its rule's (an organisation may make any rule an error, a warning or info); the six kinds on by
// default keep theirs unless the organisation changes it.
const ZSeverity = z.enum(SEVERITIES);
type TSev = (typeof SEVERITIES)[number];
/** A flag about one duty in one team. */
const dutyFlag = <const Kind extends string>(kind: Kind) =>
  z.strictObject({ ...flagBase, kind: z.literal(kind), severity: ZSeverity, team: ZRef, duty: ZRef });
export const ZFlag = named(
  "Flag",
  z.discriminatedUnion("kind", [
    dutyFlag("unowned_duty"),
    dutyFlag("shared_ownership").extend({ slots: z.array(ZRef) }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("vacant_slot"),
      severity: ZSeverity,
      team: ZRef,
      slot: ZRef,
      duties: z.array(ZRef),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("dual_role"),
      severity: ZSeverity,
      team: ZRef,
      person: ZRef,
      slots: z.array(ZRef),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("overloaded_person"),
      severity: ZSeverity,
      person: ZRef,
      teams: z.array(ZRef),
      holdings: z.array(z.strictObject({ team: ZRef, slot: ZRef, allocation: z.number() })),
      allocated: z.number(),
      capacity: z.number(),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("idle_slot"),
      severity: ZSeverity,
      team: ZRef,
      slot: ZRef,
      person: ZRef,
    }),
    dutyFlag("no_responsible"),
    dutyFlag("too_many_consulted").extend({ slots: z.array(ZRef) }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("lean_mismatch"),
      severity: ZSeverity,
      team: ZRef,
      duty: ZRef,
      lean: z.enum([PO_ROLE, PM_ROLE]).meta({ description: "The role the duty leans to." }),
      slots: z.array(ZRef),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("po_spread"),
      severity: ZSeverity,
      person: ZRef,
      teams: z.array(ZRef),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("person_spread"),
      severity: ZSeverity,
      person: ZRef,
      teams: z.array(ZRef),
    }),
    z.strictObject({
      ...flagBase,
      kind: z.literal("team_size"),
      severity: ZSeverity,
      team: ZRef,
      people: z.int().meta({ description: "How many distinct people hold the team's slots." }),
    }),
  ]),
);

const ZFlagCounts = z.strictObject({
  total: z.int(),
  bySeverity: z.strictObject(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, z.int()])) as {
      [K in (typeof SEVERITIES)[number]]: z.ZodInt;
    },
  ),
  byKind: z
    .strictObject({
      ...(Object.fromEntries(FLAG_KINDS.map((kind) => [kind, z.int()])) as {
        [K in (typeof FLAG_KINDS)[number]]: z.ZodInt;
      }),
      ...(Object.fromEntries(OFF_BY_DEFAULT_RULE_IDS.map((kind) => [kind, z.int().optional()])) as {
        [K in (typeof OFF_BY_DEFAULT_RULE_IDS)[number]]: z.ZodOptional<z.ZodInt>;
      }),
    })
    .meta({ description: "Flags of each kind: always the six on by default, and each other rule's while it is on." }),
});

export const ZTeamAnalysis = named(
  "TeamAnalysis",
  z.strictObject({
    team: ZRef,
    score: z.int().meta({ description: "0 to 100; 100 when nothing is flagged." }),
    counts: ZFlagCounts,
    flags: z.array(ZFlag).meta({ description: "The team's flags, then overloads of people holding a slot in it." }),
  }),
);

export const ZMapAnalysis = named(
  "MapAnalysis",
  z.strictObject({
    score: z.int().nullable().meta({ description: "Mean of the team scores; null when there are no teams." }),
    counts: ZFlagCounts,
    flags: z.array(ZFlag),
    teams: z.array(ZTeamAnalysis),
  }),
);

const ZNamedRef = z.strictObject({ id: z.string(), key: z.string(), name: z.string() });

export const ZSlotCandidates = named(
  "SlotCandidates",
  z.strictObject({
    team: ZNamedRef,
    slot: z.strictObject({ id: z.string(), key: z.string(), role: z.string(), allocation: z.number() }),
    candidates: z
      .array(
        z.strictObject({
          person: ZNamedRef,
          capacity: z.number(),
          allocated: z.number().meta({ description: "What their slots take now, in full-time equivalents." }),
          spare: z.number().meta({ description: "capacity − allocated, now; negative when already over." }),
          spareAfter: z.number().meta({ description: "What would be left once they also hold this slot." }),
          teams: z.array(ZNamedRef).meta({ description: "Teams where they hold a slot now, by name." }),
          introduces: z.array(ZFlag).meta({ description: "Flags giving them the slot would raise." }),
          worsens: z
            .array(ZFlag)
            .meta({ description: "Flags they have already that the slot would make worse (heavier, wider)." }),
          resolves: z.array(ZFlag).meta({ description: "Flags giving them the slot would clear." }),
          fit: z.enum(["good", "fair", "poor"]).meta({
            description: "good: raises nothing; fair: raises only info; poor: raises a warning or an error.",
          }),
          summary: z.string().meta({ description: "The fit in words." }),
        }),
      )
      .meta({ description: "Best first: fewest and least severe flags raised, then most capacity left." }),
    total: z.int().meta({ description: "How many people were ranked (everyone but the slot's holder)." }),
  }),
);

const CELL_STATES = ["owned", "unowned", "shared", "vacant_owner", "optional_unowned"] as const;

export const ZOverview = named(
  "Overview",
  z.strictObject({
    score: z.int().nullable().meta({ description: "Mean of the team scores; null when there are no teams." }),
    counts: z.strictObject({ error: z.int(), warning: z.int(), info: z.int() }),
    duties: z
      .array(ZDutyView.pick({ id: true, key: true, name: true, description: true, required: true }))
      .meta({ description: "The catalogue in its order: the columns." }),
    rows: z.array(
      z.strictObject({
        team: z.strictObject({ id: z.string(), key: z.string(), name: z.string() }),
        score: z.int(),
        errors: z.int(),
        warnings: z.int(),
        infos: z.int(),
        kinds: z.array(z.enum(RULE_IDS)).meta({ description: "The kinds of flag the team has (rule ids)." }),
        cells: z
          .array(
            z.strictObject({
              state: z.enum(CELL_STATES).meta({
                description:
                  "owned: one accountable slot with a holder; unowned: a required duty nobody is accountable for; " +
                  "shared: several accountable slots; vacant_owner: the accountable slot has no holder; " +
                  "optional_unowned: an optional duty nobody is accountable for.",
              }),
              owners: z
                .array(z.string())
                .meta({ description: "Initials of the accountable slots' holders; '?' for a vacant slot." }),
            }),
          )
          .meta({ description: "One per duty, in the order of `duties`." }),
      }),
    ),
  }),
);

const numbers = (description: string) => z.array(z.number()).meta({ description });
const indexes = (description: string) => z.array(z.int()).meta({ description });

/** The structure view's data and layout, packed (see lib/domain/structure-pack.ts). */
export const ZPackedStructure = named(
  "PackedStructure",
  z
    .strictObject({
      width: z.number().meta({ description: "The picture's width, in its own pixels." }),
      height: z.number(),
      groups: z.strictObject({
        names: z
          .array(z.string().nullable())
          .meta({ description: "Named groups by name, then null: the teams in no group." }),
        boxes: numbers("Each group's box: x, y, width and height, four numbers a group."),
      }),
      people: z
        .strictObject({
          keys: z.array(z.string()),
          names: z.array(z.string()),
          capacities: numbers("Full-time equivalents."),
          allocated: numbers("The sum of the allocations of the slots they hold."),
          overloaded: z.array(z.boolean()).meta({ description: "Flagged overloaded_person." }),
        })
        .meta({ description: "The people who hold a slot, by name: one entry per place in each list." }),
      teams: z
        .strictObject({
          keys: z.array(z.string()),
          names: z.array(z.string()),
          groups: indexes("The team's group, by its place in `groups.names`."),
          scores: z.array(z.int()),
          flags: indexes("Errors, warnings and infos: three numbers a team."),
          boxes: numbers("The team's card: x, y, width and height, four numbers a team."),
          slotCounts: indexes("How many of `slots` are the team's, in order."),
        })
        .meta({ description: "By group, then by name." }),
      slots: z
        .strictObject({
          roles: indexes("The slot's role, by its place in `roles`."),
          holders: indexes("The holder, by their place in `people`; -1 for a vacant slot."),
          allocations: numbers("Share of the holder's time."),
        })
        .meta({ description: "Every team's slots in order, team after team." }),
      roles: z.array(z.string()).meta({ description: "Each role's name once." }),
      links: z
        .strictObject({
          sources: indexes("One of the two teams, by its place in `teams`."),
          targets: indexes("The other."),
          weights: numbers("The allocation they share: per person, the smaller of their two, summed."),
          overloaded: z.array(z.boolean()).meta({ description: "One of the shared people is overloaded." }),
          people: z.array(z.array(z.int())).meta({ description: "The shared people, by their place in `people`." }),
        })
        .meta({ description: "Pairs of teams that share people: one entry per place in each list." }),
    })
    .meta({
      description:
        "Column by column, each name once, teams and people referred to by their place in their list: about a " +
        "fifth of the size of the same as objects at 1,000 teams.",
    }),
);

/** The whole map with ids and versions, as the browser's screens work on it. */
export const ZRemitMap = named(
  "RemitMap",
  z.strictObject({
    people: z.array(
      z.strictObject({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        capacity: z.number(),
      }),
    ),
    teams: z.array(z.strictObject(teamFields)),
    slots: z.array(ZSlotView.omit({ holder: true, nextHolder: true, assignmentCount: true })),
    duties: z.array(ZDutyView.omit({ assignmentCount: true })),
    assignments: z.array(ZAssignment),
  }),
);

// The rules (lib/domain/rules.ts): what the rules' routes take and answer.

const ZParams = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.enum([PO_ROLE, PM_ROLE]))])).meta({
  description:
    'The rule\'s parameters by name: `max` (a whole number), `tolerance` (a number), `lean` (duty keys and "PO" or "PM").',
});

export const ZRuleSetting = named(
  "RuleSetting",
  z.strictObject({
    id: z.enum(RULE_IDS),
    severity: z.enum(RULE_SEVERITIES),
    params: ZParams,
    exemptTeams: z.array(z.string()),
  }),
);

export const ZRuleView = named(
  "Rule",
  z.strictObject({
    id: z.enum(RULE_IDS),
    name: z.string(),
    description: z.string(),
    scope: z
      .enum(["team", "person"])
      .meta({ description: "A person rule counts every team, so it cannot exempt teams." }),
    severity: z.enum(RULE_SEVERITIES),
    params: ZParams,
    exemptTeams: z.array(z.string()).meta({ description: "Keys of the teams the rule does not apply to, sorted." }),
    recommended: z.boolean().meta({ description: "Whether the PO/PM guide recommends turning the rule on." }),
  }),
);

/**
 * The body of `PATCH rules` and `POST rules/preview`, as the OpenAPI document describes it. The handler checks it
 * with the domain's checks (ZRuleChanges, against the organisation's team keys), which report every problem at once.
 */
export const ZRuleChangesBody = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        id: z.enum(RULE_IDS),
        severity: z
          .enum([...RULE_SEVERITIES, "on"])
          .optional()
          .meta({ description: '"on" turns a rule on at its usual severity, and keeps an on rule\'s.' }),
        params: ZParams.optional().meta({ description: "The parameters to change; the others keep their values." }),
        exemptTeams: z
          .array(z.string())
          .optional()
          .meta({ description: "Team keys; replaces the list. Person rules take none." }),
      }),
    )
    .meta({ description: "The rules to change, each once; unlisted rules keep their settings." }),
});

export const ZRulesAnswer = z.strictObject({
  rules: z.array(ZRuleView).meta({ description: "Every rule, in order." }),
});

export const ZRulesPreview = named(
  "RulesPreview",
  z.strictObject({
    score: z
      .strictObject({ before: z.int().nullable(), after: z.int().nullable() })
      .meta({ description: "The organisation's health under its rules now and under the changed rules." }),
    counts: z.strictObject({
      before: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.int()])) as Record<TSev, z.ZodInt>),
      after: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.int()])) as Record<TSev, z.ZodInt>),
    }),
    flags: z.strictObject({
      introduced: z.array(ZFlag).meta({ description: "Flags the changed rules raise that the current ones do not." }),
      resolved: z.array(ZFlag).meta({ description: "Flags the current rules raise that the changed ones do not." }),
    }),
  }),
);
