import Link from "next/link";
import type { TFirstStep, TFirstStepId } from "@/lib/domain/first-steps";
import { teamPagePath } from "@/lib/domain/page-paths";

type TStepText = { title: string; how: (step: TFirstStep, orgSlug: string) => React.ReactNode };

const teamLink = (step: TFirstStep, orgSlug: string, text: string) =>
  step.team && (
    <>
      {" "}
      <Link href={teamPagePath(orgSlug, step.team)} className="text-indigo-700 underline dark:text-indigo-300">
        {text.replace("{team}", step.team.name)}
      </Link>
    </>
  );

const STEPS: Record<TFirstStepId, TStepText> = {
  team: {
    title: "Create a team",
    how: () => (
      <>
        Name it below (
        <a href="#new-team-name" className="text-indigo-700 underline dark:text-indigo-300">
          Create team
        </a>
        ): it starts with a PO and a PM slot. Or import a whole map from Import / export.
      </>
    ),
  },
  people: {
    title: "Add people",
    how: (_step, orgSlug) => (
      <>
        Everyone who can hold a slot, with their capacity (1 is full time), on{" "}
        <Link href={`/${orgSlug}/people`} className="text-indigo-700 underline dark:text-indigo-300">
          People
        </Link>
        .
      </>
    ),
  },
  holders: {
    title: "Fill each team's PO and PM slots",
    how: (step, orgSlug) => (
      <>On a team&rsquo;s page, pick who holds each slot.{teamLink(step, orgSlug, "Next: {team}.")}</>
    ),
  },
  owners: {
    title: "Apply the PO/PM split",
    how: (step, orgSlug) => (
      <>
        On a team&rsquo;s page, &ldquo;Apply the PO/PM split&rdquo; makes the PO accountable for vision, strategy and
        roadmap, and the PM for day-to-day work, market research and data analysis; then adjust any cell.
        {teamLink(step, orgSlug, "Next: {team}.")}
      </>
    ),
  },
};

/**
 * A new organisation's first steps, with what is done ticked, and what a healthy map looks like. Shown until every
 * step is done.
 */
export function FirstSteps({ steps, orgSlug }: { steps: TFirstStep[]; orgSlug: string }) {
  if (steps.every((step) => step.isDone)) return null;
  return (
    <section
      aria-labelledby="first-steps-heading"
      className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <h2 id="first-steps-heading" className="font-semibold">
        Getting started
      </h2>
      <ol className="mt-2 space-y-2 text-sm">
        {steps.map((step, index) => (
          <li key={step.id} className="flex gap-2">
            <span
              aria-hidden
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                step.isDone
                  ? "bg-emerald-700 text-white"
                  : "bg-white text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-200"
              }`}
            >
              {step.isDone ? "✓" : index + 1}
            </span>
            <span>
              <span className={step.isDone ? "font-medium line-through decoration-slate-400" : "font-medium"}>
                {STEPS[step.id].title}
              </span>
              <span className="sr-only">{step.isDone ? " (done)" : " (to do)"}</span>
              {!step.isDone && (
                <span className="block text-slate-700 dark:text-slate-300">{STEPS[step.id].how(step, orgSlug)}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium">A healthy map</span> has one accountable slot for every required duty in every
        team, a holder in every slot, and nobody asked for more than their capacity: every cell of the map below is
        green, no team has an error, and health is 100.
      </p>
    </section>
  );
}
