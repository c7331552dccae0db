import type { TMapValidationError } from "@/lib/validation/map";
import { TableFrame } from "@/components/ui/table-frame";
import { TableHead } from "@/components/ui/table-head";

/** Each problem of a map file, with where it is: a JSON path, a line and column of a CSV, a cell of a workbook. */
export function MapProblems({ errors }: { errors: readonly TMapValidationError[] }) {
  return (
    <TableFrame>
      <table className="w-full border-collapse text-left text-sm" aria-label="Problems in the file">
        <TableHead columns={[{ label: "Where" }, { label: "Problem" }]} />
        <tbody>
          {errors.map((error, index) => (
            <tr key={index} className="border-b border-slate-100 align-top dark:border-slate-900">
              <td className="py-1.5 pr-4">
                <code className="whitespace-nowrap rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
                  {error.path || "(the whole file)"}
                </code>
              </td>
              <td className="py-1.5">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
