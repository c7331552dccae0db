import { countNoun } from "@/lib/domain/count-noun";
import { DIFF_KINDS, type TDiffEntry, type TDiffKind, type TMapDiff } from "@/lib/domain/map-diff";
import { TableFrame } from "@/components/ui/table-frame";
import { TableHead } from "@/components/ui/table-head";

const KIND_LABELS: Record<TDiffKind, string> = {
  teams: "Teams",
  people: "People",
  duties: "Duties",
  slots: "Slots",
  assignments: "Assignments",
  rules: "Rules",
};

/** Past this many entries a list says how many more there are: the counts above stay exact. */
const LIST_LIMIT = 100;
/** A kind with more entries than this starts folded. */
const OPEN_LIMIT = 25;

/** What an import would change, by kind: counts in a table, then what was added, removed and changed. */
export function MapDiffView({ diff }: { diff: TMapDiff }) {
  if (diff.total === 0) {
    return (
      <p className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
        This file matches the current map: replacing it changes nothing.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <TableFrame>
        <table className="w-full max-w-xl border-collapse text-sm" aria-label="Changes by kind">
          <TableHead
            columns={[
              { label: "Kind" },
              { label: "Added", isFigure: true },
              { label: "Removed", isFigure: true },
              { label: "Changed", isFigure: true },
            ]}
          />
          <tbody>
            {DIFF_KINDS.map((kind) => (
              <tr key={kind} className="border-b border-slate-100 dark:border-slate-900">
                <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                  {KIND_LABELS[kind]}
                </th>
                <Count value={diff[kind].added.length} sign="+" className="text-emerald-700 dark:text-emerald-400" />
                <Count value={diff[kind].removed.length} sign="−" className="text-red-700 dark:text-red-400" />
                <Count value={diff[kind].changed.length} sign="~" className="text-amber-700 dark:text-amber-400" />
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>

      {DIFF_KINDS.map((kind) => {
        const { added, removed, changed } = diff[kind];
        const count = added.length + removed.length + changed.length;
        if (count === 0) return null;
        return (
          <details
            key={kind}
            open={count <= OPEN_LIMIT}
            className="rounded-lg border border-slate-200 dark:border-slate-800"
          >
            <summary className="cursor-pointer px-4 py-2 font-medium">
              {KIND_LABELS[kind]}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-400">({countNoun(count, "change")})</span>
            </summary>
            <div className="grid gap-4 border-t border-slate-200 px-4 py-3 text-sm md:grid-cols-3 dark:border-slate-800">
              <EntryList title={`Added (${added.length})`} entries={added} tone="added" />
              <EntryList title={`Removed (${removed.length})`} entries={removed} tone="removed" />
              <div>
                <h4 className="font-medium text-amber-800 dark:text-amber-300">Changed ({changed.length})</h4>
                {changed.length === 0 ? (
                  <p className="mt-1 text-slate-600 dark:text-slate-400">Nothing</p>
                ) : (
                  <ul className="mt-1 space-y-1.5">
                    {changed.slice(0, LIST_LIMIT).map((entry) => (
                      <li key={entry.id}>
                        <span className="font-medium">{entry.label}</span>
                        <ul className="text-slate-700 dark:text-slate-300">
                          {entry.changes.map((change) => (
                            <li key={change.field} className="break-words">
                              {change.field}: <del className="text-red-700 dark:text-red-400">{change.from}</del>
                              {" → "}
                              <ins className="text-emerald-700 no-underline dark:text-emerald-400">{change.to}</ins>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                    <More total={changed.length} />
                  </ul>
                )}
              </div>
            </div>
          </details>
        );
      })}
    </div>
  );
}

function Count({ value, sign, className }: { value: number; sign: string; className: string }) {
  return (
    <td className={`pl-3 py-1.5 text-right tabular-nums ${value > 0 ? `font-semibold ${className}` : ""}`}>
      {value > 0 ? `${sign}${value}` : "0"}
    </td>
  );
}

function EntryList({ title, entries, tone }: { title: string; entries: TDiffEntry[]; tone: "added" | "removed" }) {
  return (
    <div>
      <h4
        className={`font-medium ${tone === "added" ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}
      >
        {title}
      </h4>
      {entries.length === 0 ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">Nothing</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {entries.slice(0, LIST_LIMIT).map((entry) => (
            <li key={entry.id}>
              {entry.label}
              {entry.detail && <span className="text-slate-600 dark:text-slate-400"> ({entry.detail})</span>}
            </li>
          ))}
          <More total={entries.length} />
        </ul>
      )}
    </div>
  );
}

function More({ total }: { total: number }) {
  if (total <= LIST_LIMIT) return null;
  return <li className="text-slate-600 dark:text-slate-400">…and {(total - LIST_LIMIT).toLocaleString("en")} more</li>;
}
