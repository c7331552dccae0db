"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A datetime-local input's value for a moment, in the browser's time zone. */
function localInputValue(moment: Date): string {
  const offset = moment.getTimezoneOffset() * 60_000;
  return new Date(moment.getTime() - offset).toISOString().slice(0, 16);
}

const PRESETS = [
  { label: "1 hour ago", ms: 3_600_000 },
  { label: "Yesterday", ms: 86_400_000 },
  { label: "Last week", ms: 7 * 86_400_000 },
] as const;

/**
 * Travels in time on this page: pick a past moment (or a preset) to see the page as it was then, read-only; when
 * looking at the past, says so and leads back to now.
 */
export function TimeTravelBar({ at, what }: { at: string | null; what: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(() => localInputValue(at ? new Date(at) : new Date()));
  const go = (moment: Date) => router.push(`${pathname}?at=${encodeURIComponent(moment.toISOString())}`);
  const picked = new Date(value);
  // A moment in the future shows the map as it is now; the server takes it as "now".
  const isValid = !Number.isNaN(picked.getTime());

  return (
    <section
      aria-label="Time travel"
      className={`rounded-lg border p-3 text-sm ${at ? "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/40" : "border-slate-200 dark:border-slate-800"}`}
    >
      {at && (
        <p className="mb-2 font-medium" role="status">
          You are looking at {what} as it was on{" "}
          <time dateTime={at}>
            {new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          . Read-only.{" "}
          <Link href={pathname} className="text-indigo-700 underline dark:text-indigo-300">
            Back to now
          </Link>
        </p>
      )}
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (isValid) go(picked);
        }}
      >
        <label htmlFor="time-travel-at">See it as it was at</label>
        <input
          id="time-travel-at"
          suppressHydrationWarning
          type="datetime-local"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className="rounded-md border-0 px-2 py-1 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
        />
        <Button type="submit" variant="secondary" disabled={!isValid}>
          Show
        </Button>
        {PRESETS.map((preset) => (
          <Button key={preset.label} variant="secondary" onClick={() => go(new Date(Date.now() - preset.ms))}>
            {preset.label}
          </Button>
        ))}
      </form>
    </section>
  );
}
