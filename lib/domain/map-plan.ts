// The map as it will be: live, with every draft scheduled to publish by a moment merged into it in the order they
// are due, as each scheduled publish will merge it (issue 22). A draft whose merge needs choices will be refused when
// its time comes, so the plan leaves it out and says so.
import type { TMapDocument } from "./map-format";
import { mergeMapDocuments, type TMergeConflict } from "./map-merge";

/** A draft scheduled to publish: its map now, the live map it was made from, and when it is due. */
export type TScheduledDraft = { id: string; name: string; at: Date; base: TMapDocument; draft: TMapDocument };

/** What a plan applied (or could not), in the order the drafts are due. */
export type TPlannedPublish = {
  id: string;
  name: string;
  at: Date;
  /** Empty when it will publish; else what needs a choice, and the plan leaves the draft out. */
  conflicts: TMergeConflict[];
  /** The planned map once this draft's time has come (unchanged when it is left out). */
  after: TMapDocument;
};

/**
 * `live` with every draft of `drafts` due at or before `at` merged into it, earliest first, each against the map the
 * ones before it left, as its scheduled publish will be. Drafts due at the same moment go by id, so that a plan
 * reads the same every time (the queue runs them in the order they were scheduled).
 */
export function planMap(
  live: TMapDocument,
  drafts: readonly TScheduledDraft[],
  at: Date,
): { document: TMapDocument; publishes: TPlannedPublish[] } {
  const due = drafts
    .filter((draft) => draft.at.getTime() <= at.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let document = live;
  const publishes: TPlannedPublish[] = [];
  for (const { id, name, at: dueAt, base, draft } of due) {
    const merged = mergeMapDocuments({ base, live: document, draft });
    if (merged.conflicts.length === 0) document = merged.document;
    publishes.push({ id, name, at: dueAt, conflicts: merged.conflicts, after: document });
  }
  return { document, publishes };
}

/** A draft a plan holds (or leaves out), as a screen lists it: its moment as ISO text, its conflicts counted. */
export type TPlanStep = { id: string; name: string; at: string; conflicts: number };

export function planSteps(publishes: readonly TPlannedPublish[]): TPlanStep[] {
  return publishes.map(({ id, name, at, conflicts }) => ({
    id,
    name,
    at: at.toISOString(),
    conflicts: conflicts.length,
  }));
}
