/** A date as readable text, with the exact time in a tooltip. Rendered on the server in UTC for stable output. */
export function DateTime({ value, fallback = "never" }: { value: Date | null; fallback?: string }) {
  if (!value) return <span className="text-slate-600 dark:text-slate-400">{fallback}</span>;
  const iso = value.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {value.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
    </time>
  );
}
