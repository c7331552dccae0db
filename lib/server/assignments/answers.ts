import "server-only";
import { z } from "zod";
import { RACI_LEVELS } from "@/lib/domain/model";
import { named } from "@/lib/server/http/contract";

// What the assignments' routes answer beyond the cells (lib/server/map/answers.ts): a RACI sheet's import.

const ZLevel = z.enum(RACI_LEVELS).nullable();
const ZColumnChoice = z.union([z.literal("new"), z.literal("skip"), z.strictObject({ slotId: z.string() })]);
const ZRowChoice = z.union([z.literal("new"), z.literal("skip"), z.strictObject({ dutyId: z.string() })]);
const ZFlagView = z.strictObject({ id: z.string(), kind: z.string(), severity: z.string(), message: z.string() });

export const ZRaciPreview = named(
  "RaciPreview",
  z.strictObject({
    sheet: z.string().meta({ description: "The sheet read." }),
    sheets: z.array(z.string()).meta({ description: "Every sheet of the file, to choose from." }),
    headerRow: z.int().meta({ description: "The header's row number (1-based), below any title and legend." }),
    dutyColumn: z.string().meta({ description: "The letter of the column of duty names." }),
    columns: z.array(
      z.strictObject({
        letter: z.string(),
        header: z.string(),
        matchedSlotId: z.string().nullable().meta({ description: "The slot the header names, if one does." }),
        newRole: z.string().meta({ description: "The role a new slot for this column would have." }),
        choice: ZColumnChoice,
      }),
    ),
    rows: z.array(
      z.strictObject({
        row: z.int(),
        name: z.string(),
        exactDutyId: z.string().nullable(),
        proposals: z
          .array(z.strictObject({ dutyId: z.string(), similarity: z.number() }))
          .meta({ description: "The closest duties, best first, when none matches exactly." }),
        choice: ZRowChoice,
      }),
    ),
    changes: z
      .array(
        z.strictObject({
          row: z.int(),
          column: z.string(),
          dutyId: z.string().meta({ description: 'A duty id, or "new:<row>" for one the import adds.' }),
          slotId: z.string().meta({ description: 'A slot id, or "new:<column>" for one the import adds.' }),
          before: ZLevel,
          after: ZLevel,
          note: z.string().optional(),
        }),
      )
      .meta({ description: "Every cell of the team's matrix that the import changes." }),
    newSlots: z.array(z.strictObject({ column: z.string(), role: z.string() })),
    newDuties: z.array(z.strictObject({ row: z.int(), name: z.string() })),
    problems: z.array(
      z.strictObject({
        severity: z.enum(["error", "warning"]),
        row: z.int().optional(),
        column: z.string().optional(),
        message: z.string(),
      }),
    ),
    team: z.strictObject({ id: z.string(), key: z.string(), name: z.string() }),
    slots: z.array(z.strictObject({ id: z.string(), key: z.string(), role: z.string(), title: z.string().nullable() })),
    duties: z.array(z.strictObject({ id: z.string(), key: z.string(), name: z.string() })),
    score: z.strictObject({ before: z.number(), after: z.number() }),
    flags: z.strictObject({
      before: z.array(ZFlagView),
      after: z.array(ZFlagView),
      introduced: z.array(z.string()),
      resolved: z.array(z.string()),
    }),
    canApply: z.boolean().meta({ description: "False while a problem is an error; warnings are applied as said." }),
    fingerprint: z
      .string()
      .meta({ description: "What the import would write; send it back as `expect` with `apply`." }),
  }),
);

export const ZRaciImportAnswer = z.strictObject({
  preview: ZRaciPreview,
  applied: z
    .strictObject({ groupId: z.string(), slots: z.int(), duties: z.int(), cells: z.int() })
    .nullable()
    .meta({ description: "What was written (one journal action: undo it by its group); null for a preview." }),
});
