"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TableFrame } from "@/components/ui/table-frame";
import { useToast } from "@/components/ui/toast";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useRaciImport, type TRaciPreview } from "@/lib/client/raci-import";
import { useUndo } from "@/lib/client/undo";
import { countNoun } from "@/lib/domain/count-noun";
import { LEVEL_LETTER, type TColumnChoice, type TRaciChoices, type TRowChoice } from "@/lib/domain/raci-sheet";

const NEW = "new";
const SKIP = "skip";

const choiceValue = (choice: TColumnChoice | TRowChoice): string =>
  typeof choice === "string" ? choice : "slotId" in choice ? choice.slotId : choice.dutyId;

const cellText = (level: keyof typeof LEVEL_LETTER | null) => (level ? LEVEL_LETTER[level] : "–");

/**
 * "Import a RACI sheet" on a team's page: choose a CSV or Excel file; the preview shows which column is which slot
 * and which row which duty (each can be changed: a closest match is proposed for a row that names no duty exactly),
 * every cell that would change, every problem, and the team's flags before and after. Nothing is written until
 * Apply; then it is one action, undone by the toast's Undo (or History, or Ctrl/Cmd+Z).
 */
export function RaciImport({
  orgId,
  orgSlug,
  teamId,
  onClose,
}: {
  orgId: string;
  orgSlug: string;
  teamId: string;
  onClose: () => void;
}) {
  const ids = { title: useId(), file: useId(), sheet: useId() };
  const toast = useToast();
  const { preview, apply } = useRaciImport({ orgId, orgSlug, teamId });
  const { undo } = useUndo({ orgId, orgSlug });
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<TRaciChoices>({});
  const plan = preview.data?.preview;

  const show = (next: File, nextChoices: TRaciChoices) => {
    setChoices(nextChoices);
    preview.mutate({ file: next, choices: nextChoices });
  };
  const choose = (change: TRaciChoices) => {
    if (file) show(file, { ...choices, ...change });
  };
  const applyImport = () => {
    if (!file || !plan) return;
    apply.mutate(
      { file, choices, expect: plan.fingerprint },
      {
        // The team changed since the preview: show what the sheet would do now.
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) preview.mutate({ file, choices });
        },
        onSuccess: ({ applied }) => {
          onClose();
          if (!applied) return;
          toast.show(
            `Imported the RACI sheet: ${countNoun(applied.cells, "cell")} changed` +
              (applied.slots ? `, ${countNoun(applied.slots, "slot")} added` : "") +
              (applied.duties ? `, ${countNoun(applied.duties, "duty", "duties")} added` : "") +
              ".",
            "success",
            {
              label: "Undo",
              // The importer is closed by then: a promise, not mutate's callbacks, which end with the component.
              run: () =>
                undo.mutateAsync(applied.groupId).then(
                  () => toast.show("Undid the RACI sheet import.", "success"),
                  (error: unknown) => toast.show(errorMessage(error, "The import was not undone."), "error"),
                ),
            },
          );
        },
      },
    );
  };

  return (
    <section
      aria-labelledby={ids.title}
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={ids.title} className="text-lg font-semibold">
          Import a RACI sheet
        </h2>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        One row per duty, one column per role, and R, A, C or I in the cells; a title or a legend above the header is
        fine. Nothing changes until you apply it.
      </p>
      <div>
        <label htmlFor={ids.file} className="block text-sm font-medium">
          Spreadsheet (CSV or Excel .xlsx)
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block w-full max-w-full text-sm"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen) show(chosen, {});
          }}
        />
      </div>
      {preview.isPending && (
        <p role="status" className="text-sm">
          Reading the sheet…
        </p>
      )}
      {preview.isError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {errorMessage(preview.error, "The sheet could not be read.")}
        </p>
      )}
      {plan && !preview.isError && (
        <RaciPlan
          plan={plan}
          sheetId={ids.sheet}
          isBusy={preview.isPending || apply.isPending}
          onChoose={choose}
          choices={choices}
        />
      )}
      {apply.isError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {errorMessage(apply.error, "The sheet was not imported.")}
        </p>
      )}
      {plan && !preview.isError && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={applyImport} disabled={!plan.canApply || preview.isPending || apply.isPending}>
            {apply.isPending ? "Applying…" : `Apply ${countNoun(plan.changes.length, "change")}`}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      )}
    </section>
  );
}

function RaciPlan({
  plan,
  sheetId,
  isBusy,
  choices,
  onChoose,
}: {
  plan: TRaciPreview;
  sheetId: string;
  isBusy: boolean;
  choices: TRaciChoices;
  onChoose: (change: TRaciChoices) => void;
}) {
  const dutyName = new Map(plan.duties.map((duty) => [duty.id, duty.name]));
  const slotName = new Map(plan.slots.map((slot) => [slot.id, slot.title ?? slot.role]));
  const rowOf = new Map(plan.rows.map((row) => [row.row, row.name]));
  const columnOf = new Map(plan.columns.map((column) => [column.letter, column.header]));
  const errors = plan.problems.filter((problem) => problem.severity === "error");
  return (
    <div className="space-y-5">
      {plan.sheets.length > 1 && (
        <div>
          <label htmlFor={sheetId} className="block text-sm font-medium">
            Sheet
          </label>
          <select
            id={sheetId}
            value={plan.sheet}
            disabled={isBusy}
            onChange={(event) => onChoose({ sheet: event.target.value, columns: {}, rows: {} })}
            className="mt-1 block rounded-md border-0 bg-white py-2 pl-3 pr-8 text-slate-900 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
          >
            {plan.sheets.map((sheet) => (
              <option key={sheet}>{sheet}</option>
            ))}
          </select>
        </div>
      )}
      <p role="status" className="text-sm">
        On “{plan.sheet}”: the header is row {plan.headerRow}, duties are in column {plan.dutyColumn}.{" "}
        {errors.length > 0
          ? `${countNoun(errors.length, "problem")} to fix before it can be applied.`
          : `${countNoun(plan.changes.length, "cell")} would change.`}
      </p>

      <PreviewTable caption="Columns" headings={["Column", "Becomes"]}>
        {plan.columns.map((column) => (
          <ChoiceRow
            key={column.letter}
            heading={`${column.letter}: ${column.header}`}
            label={`Column ${column.letter} “${column.header}” becomes`}
            value={choiceValue(column.choice)}
            disabled={isBusy}
            onChange={(value) => {
              const choice: TColumnChoice = value === NEW || value === SKIP ? value : { slotId: value };
              onChoose({ columns: { ...choices.columns, [column.letter]: choice } });
            }}
            options={[
              ...plan.slots.map((slot) => ({ value: slot.id, label: `The ${slot.title ?? slot.role} slot` })),
              { value: NEW, label: `A new slot: ${column.newRole}` },
              { value: SKIP, label: "Skip this column" },
            ]}
          />
        ))}
      </PreviewTable>

      <PreviewTable caption="Rows" headings={["Row", "Duty"]}>
        {plan.rows.map((row) => {
          const proposed = row.exactDutyId === null && row.proposals.length > 0;
          const proposals = new Set(row.proposals.map((proposal) => proposal.dutyId));
          return (
            <ChoiceRow
              key={row.row}
              heading={
                <>
                  {row.row}: {row.name}
                  {proposed && typeof row.choice === "object" && (
                    <span className="block text-xs text-amber-800 dark:text-amber-300">
                      Not an exact match: check the duty proposed.
                    </span>
                  )}
                </>
              }
              label={`Row ${row.row} “${row.name}” is`}
              value={choiceValue(row.choice)}
              disabled={isBusy}
              onChange={(value) => {
                const choice: TRowChoice = value === NEW || value === SKIP ? value : { dutyId: value };
                onChoose({ rows: { ...choices.rows, [String(row.row)]: choice } });
              }}
              options={[
                ...row.proposals.map((proposal) => ({
                  value: proposal.dutyId,
                  label: `${dutyName.get(proposal.dutyId)} (closest match)`,
                })),
                ...plan.duties
                  .filter((duty) => !proposals.has(duty.id))
                  .map((duty) => ({ value: duty.id, label: duty.name })),
                { value: NEW, label: `A new duty: ${row.name.slice(0, 60)}` },
                { value: SKIP, label: "Skip this row" },
              ]}
              className="max-w-[16rem]"
            />
          );
        })}
      </PreviewTable>

      {plan.problems.length > 0 && (
        <div>
          <h3 className="font-semibold">Problems</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {plan.problems.map((problem, index) => (
              <li
                key={index}
                className={
                  problem.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300"
                }
              >
                {problem.severity === "error" ? "Error" : "Note"}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <PreviewTable
        caption={`Cells that change (${plan.changes.length})`}
        headings={["Cell", "Duty", "Slot", "Now", "After"]}
      >
        {plan.changes.map((change) => (
          <tr key={`${change.column}${change.row}`} className="border-t border-slate-200 dark:border-slate-800">
            <td className="px-3 py-1">
              {change.column}
              {change.row}
            </td>
            <td className="px-3 py-1">{dutyName.get(change.dutyId) ?? `${rowOf.get(change.row)} (new)`}</td>
            <td className="px-3 py-1">{slotName.get(change.slotId) ?? `${columnOf.get(change.column)} (new)`}</td>
            <td className="px-3 py-1">{cellText(change.before)}</td>
            <td className="px-3 py-1">
              {cellText(change.after)}
              {change.note && <span className="sr-only"> ({change.note})</span>}
            </td>
          </tr>
        ))}
      </PreviewTable>

      <div>
        <h3 className="font-semibold">
          Flags: health {plan.score.before} → {plan.score.after}
        </h3>
        <p className="text-sm">
          {countNoun(plan.flags.before.length, "flag")} now, {countNoun(plan.flags.after.length, "flag")} after.
        </p>
        <FlagList title="Resolved" messages={plan.flags.resolved} />
        <FlagList title="Introduced" messages={plan.flags.introduced} />
      </div>
    </div>
  );
}

/** One of the preview's tables: its caption, its column headings and its rows. */
function PreviewTable({
  caption,
  headings,
  children,
}: {
  caption: string;
  headings: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <TableFrame isBordered>
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} className="px-3 py-2">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableFrame>
  );
}

/** A column or row of the sheet, and what it becomes: a slot or duty, a new one, or nothing. */
function ChoiceRow({
  heading,
  label,
  value,
  options,
  disabled,
  onChange,
  className = "",
}: {
  heading: React.ReactNode;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  disabled: boolean;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <tr className="border-t border-slate-200 dark:border-slate-800">
      <th scope="row" className="px-3 py-2 font-normal">
        {heading}
      </th>
      <td className="px-3 py-2">
        <select
          aria-label={label}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          className={`${className} rounded-md border-0 bg-white py-1 pl-2 pr-8 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700`}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

/** The flags an import resolves or introduces, when there are any. */
function FlagList({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <>
      <h4 className="mt-2 text-sm font-medium">{title}</h4>
      <ul className="list-disc pl-5 text-sm">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </>
  );
}
