"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { countNoun } from "@/lib/domain/count-noun";
import type { TMapDiff } from "@/lib/domain/map-diff";
import type { TMapValidationError } from "@/lib/validation/map";
import { MapDiffView } from "./map-diff-view";
import { MapProblems } from "./map-problems";

/**
 * What a map file would do: its problems (then it cannot be applied), or what it would change; with the warning
 * that replacing cannot be undone, and Replace and Discard.
 */
export function MapImportPreview({
  sourceName,
  organizationName,
  errors,
  diff,
  comparing,
  canReplace,
  isReplacing,
  onReplace,
  onDiscard,
}: {
  sourceName: string;
  organizationName: string;
  errors: readonly TMapValidationError[] | null;
  diff: TMapDiff | null;
  /** A valid file waits for the current map to compare it with: still loading, or it could not be loaded. */
  comparing: "loading" | "failed" | null;
  canReplace: boolean;
  isReplacing: boolean;
  onReplace: () => void;
  onDiscard: () => void;
}) {
  const ids = { preview: useId() };
  return (
    <section
      aria-labelledby={ids.preview}
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h3 id={ids.preview} className="text-lg font-semibold">
        Preview of {sourceName}
      </h3>
      {errors ? (
        <>
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {countNoun(errors.length, "problem")} in {sourceName}; nothing can be imported until{" "}
            {errors.length === 1 ? "it is" : "they are"} fixed.
          </p>
          <MapProblems errors={errors} />
        </>
      ) : comparing ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {comparing === "loading"
            ? `${sourceName} is a valid map. Loading the current map to compare it with…`
            : `${sourceName} is a valid map, but the current map could not be loaded to compare it with. Discard and choose the file again.`}
        </p>
      ) : (
        diff && (
          <>
            <p role="status" className="text-sm">
              {sourceName} is a valid map.{" "}
              {diff.total === 0
                ? "It matches the current map."
                : `Compared with the current map, it makes ${countNoun(diff.total, "change")}:`}
            </p>
            <MapDiffView diff={diff} />
          </>
        )
      )}

      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
        <p className="font-semibold">Replacing the map cannot be undone.</p>
        <p className="mt-1">
          It deletes every team, person, duty, slot and assignment of {organizationName} and puts the file&apos;s in
          their place. Members and API tokens stay. Download a JSON export first if you may want the current map back.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={onReplace}
          disabled={!canReplace || isReplacing}
          aria-describedby={errors ? `${ids.preview}-blocked` : undefined}
        >
          {isReplacing ? "Replacing…" : "Replace the map"}
        </Button>
        <Button variant="secondary" onClick={onDiscard} disabled={isReplacing}>
          Discard
        </Button>
        {errors && (
          <span id={`${ids.preview}-blocked`} className="text-sm text-slate-600 dark:text-slate-400">
            Fix the problems above and choose the file again.
          </span>
        )}
      </div>
    </section>
  );
}
