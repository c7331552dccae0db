import "server-only";
import { z } from "zod";
import { FLAG_KINDS, type TFlagKind } from "@/lib/domain/analyze-map";
import { OFF_BY_DEFAULT_RULE_IDS } from "@/lib/domain/rules";
import { JOURNAL_ACTIONS, JOURNAL_ENTITIES } from "@/lib/domain/journal";
import { named, ZDateTime } from "@/lib/server/http/contract";
import { ZComparedFlag } from "@/lib/server/http/flag-answers";

// What the journal's routes answer: its pages, undo and restore, and the health history rebuilt from it.

const ZJournalActor = z.strictObject({
  kind: z.enum(["user", "token", "system"]),
  id: z.string().nullable().meta({ description: "The user's or API token's id; null for Remit itself." }),
  name: z.string(),
});
const ZJournalRow = z
  .record(z.string(), z.unknown())
  .meta({ description: "The row's columns (snake_case, as in the database), without its timestamps." });

export const ZJournalGroup = named(
  "JournalGroup",
  z.strictObject({
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
  }),
);

export const ZJournalPage = named(
  "JournalPage",
  z.strictObject({
    groups: z.array(ZJournalGroup),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  }),
);

export const ZHealthHistory = named(
  "HealthHistory",
  z.strictObject({
    days: z
      .array(
        z.strictObject({
          day: z.iso.date().meta({ description: "The UTC day; its state at its end (today: now)." }),
          score: z.int().nullable().meta({ description: "Mean team score; null when there were no teams." }),
          counts: z
            .strictObject({
              ...(Object.fromEntries(FLAG_KINDS.map((kind) => [kind, z.int()])) as Record<TFlagKind, z.ZodInt>),
              ...(Object.fromEntries(OFF_BY_DEFAULT_RULE_IDS.map((kind) => [kind, z.int().optional()])) as Record<
                (typeof OFF_BY_DEFAULT_RULE_IDS)[number],
                z.ZodOptional<z.ZodInt>
              >),
            })
            .meta({
              description:
                "Flags of each kind, every day judged by today's rules: the six on by default always, each other rule's while it is on.",
            }),
        }),
      )
      .meta({ description: "Oldest first; days before the journal began for the organisation are left out." }),
  }),
);

export const ZTimeline = named(
  "Timeline",
  z.strictObject({
    from: ZDateTime,
    to: ZDateTime,
    items: z.array(
      z.strictObject({
        at: ZDateTime,
        kind: z.enum(["action", "note", "scheduled_publish", "term"]),
        sentence: z.string(),
        groupId: z.string().nullable().meta({ description: "The journal group of an action or note." }),
        draftId: z.string().nullable().meta({ description: "The draft of a scheduled publish." }),
        conflicts: z.int().meta({ description: "A scheduled publish's conflicts with live: it will be refused." }),
        flags: z.strictObject({ resolved: z.array(ZComparedFlag), introduced: z.array(ZComparedFlag) }),
      }),
    ),
  }),
);
