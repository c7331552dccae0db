import { allocationShare, formatFte } from "@/lib/domain/people-view";

/** Allocation against capacity as a bar and in words; over capacity says so, not only in red. */
export function AllocationBar({
  allocated,
  capacity,
  isOverloaded,
}: {
  allocated: number;
  capacity: number;
  isOverloaded: boolean;
}) {
  const share = allocationShare(allocated, capacity);
  return (
    <div className="min-w-28">
      <div aria-hidden className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <div
          className={`h-full rounded-full ${isOverloaded ? "bg-red-600 dark:bg-red-500" : "bg-indigo-600 dark:bg-indigo-400"}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
      <p
        className={`mt-1 whitespace-nowrap text-sm tabular-nums ${
          isOverloaded ? "font-semibold text-red-700 dark:text-red-400" : ""
        }`}
      >
        {formatFte(allocated)} of {formatFte(capacity)}
        {isOverloaded && <span className="font-normal"> · over capacity</span>}
      </p>
    </div>
  );
}
