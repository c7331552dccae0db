"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useDraftMutations } from "@/lib/client/drafts";
import { countNoun } from "@/lib/domain/count-noun";
import type { TMergeChoice, TMergeConflict } from "@/lib/domain/map-merge";
import { missingApprovals } from "@/lib/domain/review";
import type { TDraft } from "./draft-types";

type TOutcome =
  | { kind: "idle" }
  | { kind: "conflicts"; message: string; conflicts: TMergeConflict[] }
  | { kind: "published"; groupId: string | null }
  | { kind: "error"; message: string };

const KIND_NAMES: Record<TMergeConflict["kind"], string> = {
  duty: "Duty",
  person: "Person",
  team: "Team",
  slot: "Slot",
  assignment: "Assignment",
  rule: "Rule",
};

/** A field of a conflict's value as a person reads it: a holder by name, absence as "none". */
function formatField(field: string, value: unknown, personNames: Record<string, string>): string {
  if (value === null || value === undefined) return "none";
  if (field === "holder" && typeof value === "string") return personNames[value] ?? value;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A conflict's value as a person reads it: a level as itself, absence as such, and of an object only the fields on
 * which live and the draft differ (all of them when the other side is absent).
 */
function formatConflictValue(value: unknown, other: unknown, personNames: Record<string, string>): string {
  if (value === null || value === undefined) return "absent";
  if (typeof value === "string") return value;
  if (typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  const others =
    other && typeof other === "object" && !Array.isArray(other) ? (other as Record<string, unknown>) : null;
  const entries = Object.entries(value as Record<string, unknown>);
  const differing = others
    ? entries.filter(([key, field]) => JSON.stringify(field ?? null) !== JSON.stringify(others[key] ?? null))
    : entries;
  return (differing.length > 0 ? differing : entries)
    .map(([key, field]) => `${key}: ${formatField(key, field, personNames)}`)
    .join(", ");
}

function isConflictList(value: unknown): value is TMergeConflict[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "id" in item);
}

/**
 * Publishes the draft to live, as one action live's History can undo. When live changed something the draft changed
 * too, each conflict is listed with both values to choose from, and publishing again sends the choices.
 */
export function PublishPanel({
  liveSlug,
  liveName,
  draft,
  personNames,
}: {
  liveSlug: string;
  liveName: string;
  draft: TDraft;
  /** Person key -> name, in live and the draft, to show a slot's holder by name. */
  personNames: Record<string, string>;
}) {
  const missing = missingApprovals(draft.review.approvals);
  const reasonId = useId();
  const drafts = useDraftMutations({ orgSlug: liveSlug });
  const [outcome, setOutcome] = useState<TOutcome>({ kind: "idle" });
  const [choices, setChoices] = useState<Record<string, TMergeChoice>>({});
  const [isUnsettled, setUnsettled] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (outcome.kind !== "idle") resultRef.current?.focus();
  }, [outcome]);

  const isPending = drafts.publish.isPending;
  const publish = (withChoices: Record<string, TMergeChoice>) =>
    drafts.publish.mutate(
      { draftId: draft.id, body: Object.keys(withChoices).length > 0 ? { choices: withChoices } : {} },
      {
        onSuccess: ({ groupId }) => setOutcome({ kind: "published", groupId }),
        onError: (error) => {
          const conflicts =
            error instanceof ApiError ? (error.body as { conflicts?: unknown } | null)?.conflicts : null;
          if (error instanceof ApiError && error.status === 409 && isConflictList(conflicts) && conflicts.length > 0) {
            // Choices already made for conflicts that are still there are kept.
            setChoices((current) =>
              Object.fromEntries(
                conflicts.flatMap((conflict) => (current[conflict.id] ? [[conflict.id, current[conflict.id]!]] : [])),
              ),
            );
            setOutcome({ kind: "conflicts", message: error.message, conflicts });
          } else {
            setOutcome({ kind: "error", message: errorMessage(error, "The draft was not published.") });
          }
        },
      },
    );

  if (outcome.kind === "published") {
    return (
      <div
        ref={resultRef}
        tabIndex={-1}
        role="status"
        className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <p className="font-semibold">
          Published &ldquo;{draft.name}&rdquo; to {liveName}.
        </p>
        <p className="mt-1">
          The draft is kept read-only for reference. The publish is one action in live&apos;s history: undo it there to
          go back.
        </p>
        <p className="mt-2 flex flex-wrap gap-4">
          <Link href={`/${liveSlug}`} className="font-medium underline">
            Open the live overview
          </Link>
          <Link href={`/${liveSlug}/history`} className="font-medium underline">
            See it in the History
          </Link>
        </p>
      </div>
    );
  }

  // Published elsewhere (or before): nothing left to publish.
  if (draft.publishedAt) return null;

  const conflicts = outcome.kind === "conflicts" ? outcome.conflicts : [];
  const isSettled = conflicts.every((conflict) => choices[conflict.id]);
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Publish to {liveName}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        What the draft changed since it was made is applied to the live map; what live changed meanwhile stays. Everyone
        viewing {liveName} sees the result at once.
      </p>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {outcome.kind === "error" && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {outcome.message}
          </p>
        )}
        {outcome.kind === "conflicts" && (
          <p
            role="alert"
            className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
          >
            {outcome.message}
          </p>
        )}
      </div>
      {missing && (
        <p id={reasonId} className="text-sm font-medium text-amber-900 dark:text-amber-200">
          Publishing waits for review: the draft {missing}.
        </p>
      )}
      {conflicts.length === 0 ? (
        <Button
          onClick={() => publish({})}
          disabled={isPending || missing !== null}
          aria-describedby={missing ? reasonId : undefined}
        >
          {isPending ? "Publishing…" : "Publish draft"}
        </Button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setUnsettled(!isSettled);
            if (isSettled) publish(choices);
          }}
          className="space-y-3"
        >
          <ul className="space-y-3">
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                <fieldset className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
                  <legend className="px-1 text-sm font-semibold">
                    {KIND_NAMES[conflict.kind]}: {conflict.label}
                  </legend>
                  <div className="grid gap-2 text-sm md:grid-cols-2">
                    <ConflictChoice
                      name={conflict.id}
                      value="live"
                      label="Keep live"
                      shown={formatConflictValue(conflict.live, conflict.draft, personNames)}
                      checked={choices[conflict.id] === "live"}
                      onChoose={() => setChoices({ ...choices, [conflict.id]: "live" })}
                    />
                    <ConflictChoice
                      name={conflict.id}
                      value="draft"
                      label="Keep the draft"
                      shown={formatConflictValue(conflict.draft, conflict.live, personNames)}
                      checked={choices[conflict.id] === "draft"}
                      onChoose={() => setChoices({ ...choices, [conflict.id]: "draft" })}
                    />
                  </div>
                  <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                    When the draft was made:{" "}
                    <code className="font-mono">{formatConflictValue(conflict.base, null, personNames)}</code>
                  </p>
                </fieldset>
              </li>
            ))}
          </ul>
          {isUnsettled && !isSettled && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              Choose live or the draft for each of the {countNoun(conflicts.length, "conflict")}.
            </p>
          )}
          <Button type="submit" disabled={isPending || missing !== null}>
            {isPending ? "Publishing…" : "Publish with these choices"}
          </Button>
        </form>
      )}
    </section>
  );
}

function ConflictChoice({
  name,
  value,
  label,
  shown,
  checked,
  onChoose,
}: {
  name: string;
  value: TMergeChoice;
  label: string;
  shown: string;
  checked: boolean;
  onChoose: () => void;
}) {
  return (
    <label
      className={`flex cursor-pointer items-start gap-2 rounded-md p-2 ring-1 ring-inset ${
        checked ? "bg-indigo-50 ring-indigo-500 dark:bg-indigo-950" : "ring-slate-200 dark:ring-slate-700"
      }`}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChoose}
        className="mt-0.5 accent-indigo-600"
      />
      <span>
        <span className="font-medium">{label}</span>
        <code className="mt-0.5 block font-mono text-xs break-words text-slate-700 dark:text-slate-300">{shown}</code>
      </span>
    </label>
  );
}
