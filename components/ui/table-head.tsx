/** A column of a TableHead: its heading, and whether its cells hold figures (set to the right). */
export type TColumn = { label: React.ReactNode; isFigure?: boolean };

/**
 * The head row of the small tables that list changes, problems and plans: muted headings over a rule, each set as
 * its column's cells are.
 */
export function TableHead({ columns }: { columns: readonly TColumn[] }) {
  return (
    <thead className="text-slate-600 dark:text-slate-400">
      <tr className="border-b border-slate-200 dark:border-slate-800">
        {columns.map((column, index) => (
          <th
            key={index}
            scope="col"
            className={`py-1.5 font-medium ${column.isFigure ? "pl-3 text-right" : "pr-4 text-left"}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
