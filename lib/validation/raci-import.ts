import { z } from "zod";
import type { TColumnChoice, TRaciChoices, TRowChoice } from "@/lib/domain/raci-sheet";
import { ZBody, ZRef } from "./map-fields";

/** A column's choice: one of the team's slots (by id), a new slot, or left out. */
const ZColumnChoice: z.ZodType<TColumnChoice> = z.union(
  [z.literal("new"), z.literal("skip"), z.strictObject({ slotId: ZRef("slotId", "one of the team's slots") })],
  { error: 'A column takes "new", "skip" or { "slotId": "<the id of one of the team\'s slots>" }.' },
);

/** A row's choice: a duty of the catalogue (by id), a new duty, or left out. */
const ZRowChoice: z.ZodType<TRowChoice> = z.union(
  [z.literal("new"), z.literal("skip"), z.strictObject({ dutyId: ZRef("dutyId", "a duty") })],
  { error: 'A row takes "new", "skip" or { "dutyId": "<the id of a duty>" }.' },
);

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;
const ROW_NUMBER = /^[1-9][0-9]{0,5}$/;

/** An object whose every key matches `pattern` (else `message` at that key), each value checked by `value`. */
function keyedBy<T>(pattern: RegExp, message: string, value: z.ZodType<T>) {
  return z.record(z.string(), value).superRefine((record, context) => {
    for (const key of Object.keys(record)) {
      if (!pattern.test(key)) context.addIssue({ code: "custom", path: [key], message });
    }
  });
}

/**
 * The `options` part of a RACI sheet upload (JSON): the sheet to read, the user's choices for columns (by letter)
 * and rows (by the sheet's row number), and whether to apply the import or only preview it.
 */
export const ZRaciImportOptions = ZBody("the import's options", {
  sheet: z.string({ error: '"sheet" must be the name of one of the file\'s sheets.' }).max(200).optional(),
  columns: keyedBy(COLUMN_LETTERS, "A column is named by its letters, like B or AA.", ZColumnChoice).optional(),
  rows: keyedBy(ROW_NUMBER, "A row is named by its number in the sheet, like 5.", ZRowChoice).optional(),
  expect: z
    .string()
    .regex(/^[0-9a-f]{16}$/, '"expect" is the "fingerprint" of a preview: 16 hexadecimal digits.')
    .optional(),
  apply: z.boolean({ error: '"apply" must be true (import) or false (preview only).' }).default(false),
});
export type TRaciImportOptions = z.infer<typeof ZRaciImportOptions>;

// The options are the domain's choices, plus `apply`.
export const toRaciChoices = ({ sheet, columns, rows }: TRaciImportOptions): TRaciChoices => ({ sheet, columns, rows });
