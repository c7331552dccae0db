import { MapDiffView } from "@/components/import-export/map-diff-view";
import { KIND_LABELS } from "@/components/map/flag-labels";
import { countNoun } from "@/lib/domain/count-noun";
import type { TComparedFlag } from "@/lib/domain/map-compare";
import type { TDraftComparison } from "./draft-types";
import { TableFrame } from "@/components/ui/table-frame";
import { TableHead } from "@/components/ui/table-head";

/** What a draft changes against live (or another draft): health before and after, flags, and every change by kind. */
export function ComparisonView({
  comparison,
  draftName,
  withName,
}: {
  comparison: TDraftComparison;
  draftName: string;
  withName: string;
}) {
  const { score, teams, flags, changes } = comparison;
  return (
    <div className="space-y-6">
      <section aria-labelledby="health-heading" className="grid gap-4 md:grid-cols-3">
        <h2 id="health-heading" className="sr-only">
          Summary
        </h2>
        <Stat label="Organisation health" testId="health">
          <span className="tabular-nums">{score.before ?? "–"}</span>
          <span aria-hidden className="mx-2 text-slate-400">
            →
          </span>
          <span className="sr-only"> becomes </span>
          <span className={`tabular-nums ${toneOf(score.before, score.after)}`}>{score.after ?? "–"}</span>
          <Delta before={score.before} after={score.after} />
        </Stat>
        <Stat label="Flags" testId="flags">
          <span className="text-emerald-700 dark:text-emerald-400">{flags.resolved.length} resolved</span>
          <span aria-hidden className="mx-2 text-slate-400">
            ·
          </span>
          <span className="text-red-700 dark:text-red-400">{flags.introduced.length} introduced</span>
        </Stat>
        <Stat label="Changes" testId="changes">
          {changes.total === 0 ? "None" : countNoun(changes.total, "change")}
        </Stat>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <section
          aria-labelledby="teams-heading"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="teams-heading" className="font-semibold">
            Teams whose health changes
          </h2>
          {teams.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No team&apos;s score changes.</p>
          ) : (
            <TableFrame className="mt-2">
              <table className="w-full text-sm">
                <TableHead
                  columns={[{ label: "Team" }, { label: withName, isFigure: true }, { label: "Draft", isFigure: true }]}
                />
                <tbody>
                  {teams.map((team) => (
                    <tr key={team.key} className="border-b border-slate-100 dark:border-slate-900">
                      <th scope="row" className="py-1 text-left font-medium">
                        {team.name}
                      </th>
                      <td className="py-1 text-right tabular-nums">{team.before ?? "absent"}</td>
                      <td className={`py-1 text-right font-semibold tabular-nums ${toneOf(team.before, team.after)}`}>
                        {team.after ?? "absent"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )}
        </section>
        <FlagList
          id="resolved-heading"
          title={`Flags resolved (${flags.resolved.length})`}
          flags={flags.resolved}
          tone="resolved"
          empty="The draft resolves no flag."
        />
        <FlagList
          id="introduced-heading"
          title={`Flags introduced (${flags.introduced.length})`}
          flags={flags.introduced}
          tone="introduced"
          empty="The draft introduces no flag."
        />
      </div>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold">
          What changed
        </h2>
        {changes.total === 0 ? (
          <p className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
            {draftName} and {withName} have the same map.
          </p>
        ) : (
          <MapDiffView diff={changes} />
        )}
      </section>
    </div>
  );
}

function toneOf(before: number | null, after: number | null): string {
  if (before === null || after === null || before === after) return "";
  return after > before ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400";
}

function Delta({ before, after }: { before: number | null; after: number | null }) {
  if (before === null || after === null || before === after) return null;
  const difference = after - before;
  return (
    <span className={`ml-2 text-sm font-medium ${toneOf(before, after)}`}>
      ({difference > 0 ? "+" : "−"}
      {Math.abs(difference)})
    </span>
  );
}

function Stat({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid={`compare-${testId}`}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold">{children}</p>
    </div>
  );
}

function FlagList({
  id,
  title,
  flags,
  tone,
  empty,
}: {
  id: string;
  title: string;
  flags: TComparedFlag[];
  tone: "resolved" | "introduced";
  empty: string;
}) {
  const isResolved = tone === "resolved";
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border p-4 ${
        isResolved
          ? "border-emerald-200 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/40"
          : "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40"
      }`}
    >
      <h2
        id={id}
        className={`font-semibold ${isResolved ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}
      >
        {title}
      </h2>
      {flags.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul tabIndex={0} aria-labelledby={id} className="mt-2 max-h-72 space-y-1.5 overflow-y-auto text-sm">
          {flags.map((flag) => (
            <li key={flag.key} className="flex gap-2">
              <span
                aria-hidden
                className={isResolved ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}
              >
                {isResolved ? "✓" : "!"}
              </span>
              <span>
                {flag.message}{" "}
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  ({KIND_LABELS[flag.kind]}, {flag.severity})
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
