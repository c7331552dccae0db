import { KIND_LABELS } from "@/components/map/flag-labels";
import { TableFrame } from "@/components/ui/table-frame";
import { TableHead } from "@/components/ui/table-head";
import type { TDraftPlan } from "@/lib/domain/drafts";
import type { TRuleId } from "@/lib/domain/rules";

/**
 * The suggested plan that made a draft: what it said, and each change beside the flags it resolves, as when it was
 * made (the map's changes as they are now are under "What changed").
 */
export function PlanChanges({ plan }: { plan: TDraftPlan }) {
  return (
    <section
      aria-labelledby="plan-heading"
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="plan-heading" className="text-lg font-semibold">
        The suggested plan
      </h2>
      <p className="text-sm">{plan.message}</p>
      <TableFrame>
        <table className="w-full text-sm">
          <TableHead columns={[{ label: "Change" }, { label: "Resolves" }]} />
          <tbody>
            {plan.changes.map((change, index) => (
              <tr key={index} className="border-b border-slate-100 align-top dark:border-slate-900">
                <td className="py-1.5 pr-4">{change.summary}</td>
                <td className="py-1.5">
                  {change.resolves.length === 0 ? (
                    <span className="text-slate-600 dark:text-slate-400">
                      No flag of its own: it works with the other changes.
                    </span>
                  ) : (
                    <ul className="space-y-1">
                      {change.resolves.map((flag, flagIndex) => (
                        <li key={flagIndex}>
                          <span aria-hidden className="mr-1 text-emerald-700 dark:text-emerald-400">
                            ✓
                          </span>
                          {flag.message}{" "}
                          <span className="text-xs text-slate-600 dark:text-slate-400">
                            ({KIND_LABELS[flag.kind as TRuleId] ?? flag.kind}, {flag.severity})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {plan.notCleared.length > 0 && (
        <div className="text-sm">
          <h3 className="font-medium">Not cleared</h3>
          <ul className="mt-1 space-y-1">
            {plan.notCleared.map(({ flag, reason }, index) => (
              <li key={index}>
                {flag.message} <span className="text-slate-600 dark:text-slate-400">{reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
