/** A bordered section with a heading, for the form that adds something to a list. */
export function AddSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={`${id}-heading`} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
