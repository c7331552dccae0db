import "server-only";
import { z } from "zod";
import { FLAG_KINDS, SEVERITIES } from "@/lib/domain/analyze-map";
import { PM_ROLE, PO_ROLE, RACI_LEVELS } from "@/lib/domain/model";
import { named } from "@/lib/server/http/contract";
import { ZMapDocument } from "@/lib/validation/map";

// What the map's routes answer: teams, slots, people, duties, cells, analyses and the whole map.

export const ZMapDocumentAnswer = named("MapDocument", ZMapDocument);

const ZRef = z.strictObject({ id: z.string(), key: z.string() });
const ZLevel = z.enum(RACI_LEVELS);

export const ZSlotView = named(
  "SlotView",
  z.strictObject({
    id: z.string(),
    key: z.string().meta({ description: "Unique in the team." }),
    teamId: z.string(),
    role: z.string().meta({ description: `"${PO_ROLE}", "${PM_ROLE}" or a custom label.` }),
    title: z.string().nullable(),
    holderId: z.string().nullable().meta({ description: "null when the slot is vacant." }),
    holder: z.strictObject({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
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
const ZFlag = z.discriminatedUnion("kind", [
  z.strictObject({
    ...flagBase,
    kind: z.literal("unowned_duty"),
    severity: z.literal("error"),
    team: ZRef,
    duty: ZRef,
  }),
  z.strictObject({
    ...flagBase,
    kind: z.literal("shared_ownership"),
    severity: z.literal("error"),
    team: ZRef,
    duty: ZRef,
    slots: z.array(ZRef),
  }),
  z.strictObject({
    ...flagBase,
    kind: z.literal("vacant_slot"),
    severity: z.enum(["error", "warning"]),
    team: ZRef,
    slot: ZRef,
    duties: z.array(ZRef),
  }),
  z.strictObject({
    ...flagBase,
    kind: z.literal("dual_role"),
    severity: z.literal("warning"),
    team: ZRef,
    person: ZRef,
    slots: z.array(ZRef),
  }),
  z.strictObject({
    ...flagBase,
    kind: z.literal("overloaded_person"),
    severity: z.literal("warning"),
    person: ZRef,
    teams: z.array(ZRef),
    holdings: z.array(z.strictObject({ team: ZRef, slot: ZRef, allocation: z.number() })),
    allocated: z.number(),
    capacity: z.number(),
  }),
  z.strictObject({
    ...flagBase,
    kind: z.literal("idle_slot"),
    severity: z.literal("info"),
    team: ZRef,
    slot: ZRef,
    person: ZRef,
  }),
]);

const ZFlagCounts = z.strictObject({
  total: z.int(),
  bySeverity: z.strictObject(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, z.int()])) as {
      [K in (typeof SEVERITIES)[number]]: z.ZodInt;
    },
  ),
  byKind: z.strictObject(
    Object.fromEntries(FLAG_KINDS.map((kind) => [kind, z.int()])) as {
      [K in (typeof FLAG_KINDS)[number]]: z.ZodInt;
    },
  ),
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
        kinds: z.array(z.enum(FLAG_KINDS)).meta({ description: "The kinds of flag the team has." }),
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
    slots: z.array(ZSlotView.omit({ holder: true, assignmentCount: true })),
    duties: z.array(ZDutyView.omit({ assignmentCount: true })),
    assignments: z.array(ZAssignment),
  }),
);
