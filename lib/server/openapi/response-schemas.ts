import "server-only";
import { z } from "zod";
import type { TMapAnalysis } from "@/lib/domain/analyze-map";
import { FLAG_KINDS, SEVERITIES, type TFlagKind } from "@/lib/domain/analyze-map";
import type { THealthPoint } from "@/lib/domain/health-history";
import { MERGE_KINDS, type TMergeConflict } from "@/lib/domain/map-merge";
import type { TDraftComparison, TDraftView } from "@/lib/domain/drafts";
import { RACI_LEVELS, type TAssignment, type TRemitMap } from "@/lib/domain/model";
import type { TOverview } from "@/lib/domain/overview";
import { JOURNAL_ACTIONS, JOURNAL_ENTITIES, type TJournalGroupView, type TJournalPage } from "@/lib/domain/journal";
import { PM_ROLE, PO_ROLE } from "@/lib/domain/model";
import type { TErrorBody } from "@/lib/errors";
import type { TAppliedSplit } from "@/lib/server/assignments/apply-po-pm-split";
import type { TAssignmentCell } from "@/lib/server/assignments/assignment-cell";
import type { TDeletedDuty } from "@/lib/server/duties/delete-duty";
import type { TDutyView } from "@/lib/server/duties/duty-view";
import type { TMapCounts } from "@/lib/server/map/replace-map";
import type { TDeletedPerson } from "@/lib/server/people/delete-person";
import type { TPersonView } from "@/lib/server/people/person-view";
import type { TDeletedSlot } from "@/lib/server/slots/delete-slot";
import type { TSlotView } from "@/lib/server/slots/slot-view";
import type { TDeletedTeam } from "@/lib/server/teams/delete-team";
import type { TTeamDetail, TTeamSummary } from "@/lib/server/teams/team-view";
import { ZMapDocument } from "@/lib/validation/map";

/**
 * What the API answers, as zod schemas: the OpenAPI document is generated from them, and the integration tests
 * check real answers against them. Strict objects, so an answer with an undocumented field fails those tests.
 */

const ZDateTime = z.iso.datetime({ offset: true });
const ZRole = z.enum(["OWNER", "MANAGER", "VIEWER"]);

export const ZErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum([
      "invalid_input",
      "unauthenticated",
      "forbidden",
      "not_found",
      "conflict",
      "precondition_failed",
      "payload_too_large",
      "rate_limited",
      "unavailable",
      "internal",
    ]),
    message: z.string().meta({ description: "What went wrong and what to do about it, for a person to read." }),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: 'Every problem with the input, by field name or JSON path ("" for the whole input).' }),
  }),
});

// Accounts

export const ZUser = z.strictObject({ id: z.string(), email: z.string(), name: z.string() });
export const ZOrganizationSummary = z.strictObject({ id: z.string(), slug: z.string(), name: z.string(), role: ZRole });
export const ZMember = z.strictObject({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  joinedAt: ZDateTime,
});
export const ZInvitationSummary = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  invitedBy: z.string(),
  createdAt: ZDateTime,
  expiresAt: ZDateTime,
});
export const ZCreatedInvitation = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  expiresAt: ZDateTime,
  link: z.string().meta({ description: "The invitation link with its single-use secret; shown only now." }),
});
export const ZApiTokenSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: ZDateTime,
  lastUsedAt: ZDateTime.nullable(),
});
export const ZCreatedApiToken = ZApiTokenSummary.extend({
  secret: z.string().meta({ description: "The token itself, for `Authorization: Bearer …`; shown only now." }),
});

// The responsibility map

const ZRef = z.strictObject({ id: z.string(), key: z.string() });
const ZLevel = z.enum(RACI_LEVELS);

export const ZSlotView = z.strictObject({
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
});

export const ZAssignment = z.strictObject({
  teamId: z.string(),
  dutyId: z.string(),
  slotId: z.string(),
  level: ZLevel,
  version: z.int().meta({ description: "Bumped on every change of the cell." }),
});

export const ZAssignmentCell = ZAssignment.extend({
  level: ZLevel.nullable().meta({ description: "null for an empty cell." }),
  version: z.int().meta({ description: "Bumped on every change of the cell; 0 for an empty cell." }),
});

const teamFields = {
  id: z.string(),
  key: z.string().meta({ description: "Unique in the organisation." }),
  name: z.string(),
  description: z.string().nullable(),
};
export const ZTeamSummary = z.strictObject({
  ...teamFields,
  slots: z.array(ZSlotView),
  assignmentCount: z.int(),
});
export const ZTeamDetail = z.strictObject({
  ...teamFields,
  slots: z.array(ZSlotView),
  assignments: z.array(ZAssignment).meta({ description: "By duty in catalogue order, then slot order." }),
});

export const ZPersonView = z.strictObject({
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
});

export const ZDutyView = z.strictObject({
  id: z.string(),
  key: z.string().meta({ description: "Unique in the organisation." }),
  name: z.string(),
  description: z.string(),
  required: z.boolean().meta({ description: "A required duty must have an accountable slot in every team." }),
  order: z.int().meta({ description: "Position in the catalogue; lower comes first." }),
  assignmentCount: z.int().meta({ description: "Assignments (in all teams) that deleting the duty would remove." }),
});

export const ZDeletedTeam = z.strictObject({ id: z.string(), key: z.string(), slots: z.int(), assignments: z.int() });
export const ZDeletedPerson = z.strictObject({ id: z.string(), key: z.string(), vacatedSlots: z.int() });
export const ZDeletedDuty = z.strictObject({ id: z.string(), key: z.string(), assignments: z.int() });
export const ZDeletedSlot = z.strictObject({ id: z.string(), key: z.string(), assignments: z.int() });

export const ZAppliedSplit = z.strictObject({
  assignments: z.array(ZAssignment).meta({ description: "The cells that were empty and were set, at version 1." }),
  missingRoles: z
    .array(z.enum([PO_ROLE, PM_ROLE]))
    .meta({ description: "Standard roles the team has no slot for; their half of the split was left out." }),
  missingDutyKeys: z
    .array(z.string())
    .meta({ description: "Duty keys of the split that the catalogue lacks; those rules were skipped." }),
});

export const ZMapCounts = z.strictObject({
  duties: z.int(),
  people: z.int(),
  teams: z.int(),
  slots: z.int(),
  assignments: z.int(),
});

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

export const ZTeamAnalysis = z.strictObject({
  team: ZRef,
  score: z.int().meta({ description: "0 to 100; 100 when nothing is flagged." }),
  counts: ZFlagCounts,
  flags: z.array(ZFlag).meta({ description: "The team's flags, then overloads of people holding a slot in it." }),
});

export const ZMapAnalysis = z.strictObject({
  score: z.int().nullable().meta({ description: "Mean of the team scores; null when there are no teams." }),
  counts: ZFlagCounts,
  flags: z.array(ZFlag),
  teams: z.array(ZTeamAnalysis),
});

const CELL_STATES = ["owned", "unowned", "shared", "vacant_owner", "optional_unowned"] as const;

export const ZOverview = z.strictObject({
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
});

/** The whole map with ids and versions, as the browser's screens work on it. */
export const ZRemitMap = z.strictObject({
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
});

const ZJournalActor = z.strictObject({
  kind: z.enum(["user", "token", "system"]),
  id: z.string().nullable().meta({ description: "The user's or API token's id; null for Remit itself." }),
  name: z.string(),
});
const ZJournalRow = z
  .record(z.string(), z.unknown())
  .meta({ description: "The row's columns (snake_case, as in the database), without its timestamps." });

export const ZJournalGroup = z.strictObject({
  groupId: z.string(),
  at: ZDateTime,
  actor: ZJournalActor,
  action: z.enum(JOURNAL_ACTIONS),
  sentence: z.string().meta({ description: "What happened, in words." }),
  entryCount: z.int().meta({ description: "Rows the action changed, matching the filters or not." }),
  entries: z
    .array(
      z.strictObject({
        seq: z.string().meta({ description: "The entry's id: increasing, the order of changes." }),
        entity: z.enum(JOURNAL_ENTITIES),
        entityId: z.string(),
        operation: z.enum(["create", "update", "delete"]),
        teamId: z.string().nullable(),
        sentence: z.string(),
        before: ZJournalRow.nullable(),
        after: ZJournalRow.nullable(),
      }),
    )
    .meta({ description: "The changed rows that match the filters, at most 50." }),
  undoesGroupId: z.string().nullable().meta({ description: "On an undo: the group it undid." }),
  undoneBy: z.strictObject({ groupId: z.string(), at: ZDateTime, actor: ZJournalActor }).nullable(),
});

export const ZJournalPage = z.strictObject({
  groups: z.array(ZJournalGroup),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
});

export const ZHealthHistory = z.strictObject({
  days: z
    .array(
      z.strictObject({
        day: z.iso.date().meta({ description: "The UTC day; its state at its end (today: now)." }),
        score: z.int().nullable().meta({ description: "Mean team score; null when there were no teams." }),
        counts: z.strictObject(
          Object.fromEntries(FLAG_KINDS.map((kind) => [kind, z.int()])) as Record<TFlagKind, z.ZodInt>,
        ),
      }),
    )
    .meta({ description: "Oldest first; days before the journal began for the organisation are left out." }),
});

export const ZDraftView = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  slug: z.string().meta({ description: "The draft's workspace: every map route and screen works under this slug." }),
  createdAt: ZDateTime,
  createdBy: z.string(),
  publishedAt: ZDateTime.nullable().meta({ description: "Set once published; the draft is then read-only." }),
});

const ZDiffEntry = z.strictObject({ id: z.string(), label: z.string(), detail: z.string().optional() });
const ZEntityDiff = z.strictObject({
  added: z.array(ZDiffEntry),
  removed: z.array(ZDiffEntry),
  changed: z.array(
    ZDiffEntry.extend({ changes: z.array(z.strictObject({ field: z.string(), from: z.string(), to: z.string() })) }),
  ),
});
const ZComparedFlag = z.strictObject({
  key: z.string(),
  kind: z.enum(FLAG_KINDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
});

export const ZDraftComparison = z.strictObject({
  with: z.strictObject({ kind: z.enum(["live", "draft"]), id: z.string(), name: z.string() }),
  changes: z
    .strictObject({
      teams: ZEntityDiff,
      people: ZEntityDiff,
      duties: ZEntityDiff,
      slots: ZEntityDiff,
      assignments: ZEntityDiff,
      total: z.int(),
    })
    .meta({ description: "What the draft changes, matched by key." }),
  score: z.strictObject({ before: z.int().nullable(), after: z.int().nullable() }),
  teams: z
    .array(z.strictObject({ key: z.string(), name: z.string(), before: z.int().nullable(), after: z.int().nullable() }))
    .meta({ description: "Teams whose score changes (null where the team is absent), worst change first." }),
  flags: z.strictObject({ resolved: z.array(ZComparedFlag), introduced: z.array(ZComparedFlag) }),
});

export const ZMergeConflict = z.strictObject({
  id: z.string().meta({ description: "Key the choice for this conflict by this." }),
  kind: z.enum(MERGE_KINDS),
  label: z.string(),
  base: z.unknown().meta({ description: "The value when the draft was made; null when absent." }),
  live: z.unknown(),
  draft: z.unknown(),
});

export { ZMapDocument };

// The schemas must describe what the server functions return; a change on either side that breaks this fails tsc.
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type TMutableMap = { [K in keyof TRemitMap]: TRemitMap[K][number][] };
// Each must be true: a change on either side that breaks one fails tsc.
type TAllTrue<T extends readonly true[]> = T;
export type TResponseSchemasMatch = TAllTrue<
  [
    TSame<z.output<typeof ZErrorBody>, TErrorBody>,
    TSame<z.output<typeof ZSlotView>, TSlotView>,
    TSame<z.output<typeof ZAssignment>, TAssignment>,
    TSame<z.output<typeof ZAssignmentCell>, TAssignmentCell>,
    TSame<z.output<typeof ZTeamSummary>, TTeamSummary>,
    TSame<z.output<typeof ZTeamDetail>, TTeamDetail>,
    TSame<z.output<typeof ZPersonView>, TPersonView>,
    TSame<z.output<typeof ZDutyView>, TDutyView>,
    TSame<z.output<typeof ZDeletedTeam>, TDeletedTeam>,
    TSame<z.output<typeof ZDeletedPerson>, TDeletedPerson>,
    TSame<z.output<typeof ZDeletedDuty>, TDeletedDuty>,
    TSame<z.output<typeof ZDeletedSlot>, TDeletedSlot>,
    TSame<z.output<typeof ZAppliedSplit>, TAppliedSplit>,
    TSame<z.output<typeof ZMapCounts>, TMapCounts>,
    TSame<z.output<typeof ZMapAnalysis>, TMapAnalysis>,
    TSame<z.output<typeof ZRemitMap>, TMutableMap>,
    TSame<z.output<typeof ZOverview>, TOverview>,
    TSame<Omit<z.output<typeof ZJournalGroup>, "entries">, Omit<TJournalGroupView, "entries">>,
    TSame<
      Omit<z.output<typeof ZJournalGroup>["entries"][number], "before" | "after">,
      Omit<TJournalPage["groups"][number]["entries"][number], "before" | "after">
    >,
    TSame<z.output<typeof ZHealthHistory>["days"][number], THealthPoint>,
    TSame<z.output<typeof ZDraftView>, TDraftView>,
    TSame<z.output<typeof ZDraftComparison>, TDraftComparison>,
    TSame<z.output<typeof ZMergeConflict>, TMergeConflict>,
  ]
>;
