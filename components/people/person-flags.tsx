import type { TPersonFlag } from "@/lib/domain/people-view";

const KIND_LABELS: Record<TPersonFlag["kind"], string> = {
  overloaded_person: "Overloaded",
  dual_role: "Dual role",
  po_spread: "PO spread",
  person_spread: "Spread",
};

/** A person's flags (overload, dual roles, spreads), each with the analysis's message saying what to do. */
export function PersonFlags({ flags }: { flags: readonly TPersonFlag[] }) {
  if (flags.length === 0) return <span className="text-sm text-slate-600 dark:text-slate-400">None</span>;
  return (
    <ul className="space-y-1.5">
      {flags.map((flag) => (
        <li key={flag.id} className="text-sm">
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {KIND_LABELS[flag.kind]}
          </span>{" "}
          {flag.message}
        </li>
      ))}
    </ul>
  );
}
