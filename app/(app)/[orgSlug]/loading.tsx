/** Shown while an organisation page loads on the server: the page's shape, without its data. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-6">
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="h-20 rounded-lg bg-slate-100 dark:bg-slate-900" />
        ))}
      </div>
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-8 rounded bg-slate-100 dark:bg-slate-900" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
