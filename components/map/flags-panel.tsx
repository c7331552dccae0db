"use client";

import type { TRuleFlag, TSeverity } from "@/lib/domain/analyze-map";

export type TFlagFix = { label: string; run: () => void };

const SEVERITY_STYLES: Record<TSeverity, { badge: string; label: string }> = {
  error: { badge: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200", label: "Error" },
  warning: { badge: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200", label: "Warning" },
  info: { badge: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200", label: "Info" },
};

/** A team's flags with what is wrong, how to fix it and, where the fix is obvious, a button that does it. */
export function FlagsPanel({
  flags,
  fixFor,
}: {
  flags: readonly TRuleFlag[];
  fixFor: (flag: TRuleFlag) => TFlagFix | null;
}) {
  return (
    <section aria-labelledby="flags-heading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="flags-heading" className="font-semibold">
        Flags <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({flags.length})</span>
      </h2>
      {flags.length === 0 ? (
        <p className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">
          Nothing to fix: every required duty has exactly one owner.
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {flags.map((flag) => {
            const fix = fixFor(flag);
            const style = SEVERITY_STYLES[flag.severity];
            return (
              <li key={flag.id} className="text-sm">
                <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${style.badge}`}>{style.label}</span>
                {flag.message}
                {fix && (
                  <button
                    type="button"
                    onClick={fix.run}
                    className="ml-2 font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {fix.label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
