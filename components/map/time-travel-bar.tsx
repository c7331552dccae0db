"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TPlanStep } from "@/lib/domain/map-plan";

/** A datetime-local input's value for a moment, in the browser's time zone. */
function localInputValue(moment: Date): string {
  const offset = moment.getTimezoneOffset() * 60_000;
  return new Date(moment.getTime() - offset).toISOString().slice(0, 16);
}

const PRESETS = [
  { label: "1 hour ago", ms: -3_600_000 },
  { label: "Yesterday", ms: -86_400_000 },
  { label: "Last week", ms: -7 * 86_400_000 },
  { label: "In a week", ms: 7 * 86_400_000 },
  { label: "In a month", ms: 30 * 86_400_000 },
] as const;

const formatMoment = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * Travels in time on this page, both ways: pick a past moment (or a preset) to see the page as it was then, or a
 * future one to see it as it is planned to be (live, with the drafts scheduled to publish by then: `plan`), read-only
 * either way; says which it is, and leads back to now.
 */
export function TimeTravelBar({
  at,
  what,
  plan = null,
}: {
  at: string | null;
  what: string;
  /** For a future `at` (decided by the server): the drafts the plan is made of. */
  plan?: TPlanStep[] | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(() => localInputValue(at ? new Date(at) : new Date()));
  const go = (moment: Date) => router.push(`${pathname}?at=${encodeURIComponent(moment.toISOString())}`);
  const picked = new Date(value);
  const isValid = !Number.isNaN(picked.getTime());
  const isPlan = at !== null && plan !== null;
  const steps = plan ?? [];
  const backToNow = (
    <Link href={pathname} className="text-indigo-700 underline dark:text-indigo-300">
      Back to now
    </Link>
  );

  return (
    <section
      aria-label="Time travel"
      className={`rounded-lg border p-3 text-sm ${
        at
          ? isPlan
            ? "border-sky-400 bg-sky-50 dark:border-sky-600 dark:bg-sky-950/40"
            : "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/40"
          : "border-slate-200 dark:border-slate-800"
      }`}
    >
      {at && !isPlan && (
        <p className="mb-2 font-medium" role="status">
          You are looking at {what} as it was on <time dateTime={at}>{formatMoment(at)}</time>. Read-only. {backToNow}
        </p>
      )}
      {at && isPlan && (
        <div className="mb-2" role="status">
          <p className="font-medium">
            This is a plan: {what} as it will be on <time dateTime={at}>{formatMoment(at)}</time>, if nothing else
            changes: live as it is now
            {steps.length === 0
              ? ", since no draft is scheduled to publish and no term ends or starts by then."
              : ", with the scheduled publishes and the terms that end or start by then (below)."}{" "}
            Read-only. {backToNow}
          </p>
          {steps.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {steps.map((step, index) =>
                step.kind === "publish" ? (
                  <li key={index}>
                    Draft <span className="font-medium">{step.name}</span> publishes,{" "}
                    <time dateTime={step.at}>{formatMoment(step.at)}</time>
                    {step.conflicts > 0 &&
                      ` — left out: its publish will be refused (${step.conflicts} ${step.conflicts === 1 ? "conflict" : "conflicts"} with live)`}
                  </li>
                ) : (
                  <li key={index}>
                    <time dateTime={step.at}>{formatMoment(step.at)}</time>: {step.sentence}
                  </li>
                ),
              )}
            </ul>
          )}
        </div>
      )}
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (isValid) go(picked);
        }}
      >
        <label htmlFor="time-travel-at">See it at</label>
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
          <Button key={preset.label} variant="secondary" onClick={() => go(new Date(Date.now() + preset.ms))}>
            {preset.label}
          </Button>
        ))}
      </form>
    </section>
  );
}
