// The map as it will be: live, with every draft scheduled to publish by a moment merged into it in the order they
// are due, as each scheduled publish will merge it, and every term that ends or starts by then applied at its moment
// (issue 22). A draft whose merge needs choices will be refused when its time comes, so the plan leaves it out and
// says so.
import type { TMapDocument, TMapDocumentSlot } from "./map-format";
import { mergeMapDocuments, type TMergeConflict } from "./map-merge";
import { afterTermChange, nextTermChange, type TTermChange, type TTermSlot } from "./slot-terms";

/** A draft scheduled to publish: its map now, the live map it was made from, and when it is due. */
export type TScheduledDraft = { id: string; name: string; at: Date; base: TMapDocument; draft: TMapDocument };

/** A scheduled publish in a plan (or left out of it). */
export type TPlannedPublish = {
  kind: "publish";
  id: string;
  name: string;
  at: Date;
  /** Empty when it will publish; else what needs a choice, and the plan leaves the draft out. */
  conflicts: TMergeConflict[];
  /** The planned map once this draft's time has come (unchanged when it is left out). */
  after: TMapDocument;
};

/** A term that ends, or a next holder who starts, in a plan: the slot by team and slot key, people by key. */
export type TPlannedTerm = {
  kind: "term";
  at: Date;
  team: { key: string; name: string };
  slot: { key: string; role: string };
  change: TTermChange<string>;
  after: TMapDocument;
};

/** What a plan does, in order. */
export type TPlannedStep = TPlannedPublish | TPlannedTerm;

const termSlot = (slot: TMapDocumentSlot): TTermSlot<string> => ({
  holder: slot.holder,
  holderUntil: slot.holderUntil ?? null,
  nextHolder: slot.nextHolder ?? null,
  nextHolderFrom: slot.nextHolderFrom ?? null,
});

/** The document's slot with `terms` in place of its own; null fields left out, as documents have them. */
function withTerms(slot: TMapDocumentSlot, terms: TTermSlot<string>): TMapDocumentSlot {
  const { holderUntil: _until, nextHolder: _next, nextHolderFrom: _from, ...rest } = slot;
  return {
    ...rest,
    holder: terms.holder,
    ...(terms.holderUntil === null ? {} : { holderUntil: terms.holderUntil }),
    ...(terms.nextHolder === null || terms.nextHolderFrom === null
      ? {}
      : { nextHolder: terms.nextHolder, nextHolderFrom: terms.nextHolderFrom }),
  };
}

/** The earliest term change of the document (by moment, then team and slot order), if any. */
function earliestTerm(document: TMapDocument) {
  let earliest: { ti: number; si: number; change: TTermChange<string>; at: number } | null = null;
  document.teams.forEach((team, ti) =>
    team.slots.forEach((slot, si) => {
      const change = slot.holderUntil || slot.nextHolderFrom ? nextTermChange(termSlot(slot)) : null;
      const at = change ? Date.parse(change.at) : Number.POSITIVE_INFINITY;
      if (change && (earliest === null || at < earliest.at)) earliest = { ti, si, change, at };
    }),
  );
  return earliest as { ti: number; si: number; change: TTermChange<string>; at: number } | null;
}

function applyTerm(
  document: TMapDocument,
  { ti, si, change }: { ti: number; si: number; change: TTermChange<string> },
) {
  const teams = [...document.teams];
  const team = teams[ti]!;
  const slots = [...team.slots];
  slots[si] = withTerms(slots[si]!, afterTermChange(termSlot(slots[si]!), change));
  teams[ti] = { ...team, slots };
  return { ...document, teams };
}

/**
 * `live` with every draft of `drafts` due at or before `at` merged into it, earliest first, each against the map the
 * steps before it left, as its scheduled publish will be, and every term due by `at` applied at its moment (before a
 * draft due at the same moment). Drafts due at the same moment go by id, so that a plan reads the same every time
 * (the queue runs them in the order they were scheduled).
 */
export function planMap(
  live: TMapDocument,
  drafts: readonly TScheduledDraft[],
  at: Date,
): { document: TMapDocument; steps: TPlannedStep[] } {
  const due = drafts
    .filter((draft) => draft.at.getTime() <= at.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let document = live;
  const steps: TPlannedStep[] = [];
  let next = 0;
  for (;;) {
    const draft = due[next];
    const term = earliestTerm(document);
    if (term && term.at <= at.getTime() && term.at <= (draft?.at.getTime() ?? Number.POSITIVE_INFINITY)) {
      document = applyTerm(document, term);
      const team = document.teams[term.ti]!;
      const slot = team.slots[term.si]!;
      steps.push({
        kind: "term",
        at: new Date(term.at),
        team: { key: team.key, name: team.name },
        slot: { key: slot.key, role: slot.role },
        change: term.change,
        after: document,
      });
    } else if (draft) {
      next++;
      const merged = mergeMapDocuments({ base: draft.base, live: document, draft: draft.draft });
      if (merged.conflicts.length === 0) document = merged.document;
      steps.push({
        kind: "publish",
        id: draft.id,
        name: draft.name,
        at: draft.at,
        conflicts: merged.conflicts,
        after: document,
      });
    } else return { document, steps };
  }
}

/** A step of a plan as a screen lists it: its moment as ISO text, and what it is. */
export type TPlanStep =
  | { kind: "publish"; id: string; name: string; at: string; conflicts: number }
  | { kind: "term"; at: string; sentence: string };

export function planSteps(steps: readonly TPlannedStep[]): TPlanStep[] {
  return steps.map((step) =>
    step.kind === "publish"
      ? { kind: "publish", id: step.id, name: step.name, at: step.at.toISOString(), conflicts: step.conflicts.length }
      : { kind: "term", at: step.at.toISOString(), sentence: termSentence(step) },
  );
}

/** "Dana Lee's term as PO of “Checkout” ends: the slot is vacant.", "Sam Ode takes over as PM of “Search” from Ana Ruiz." */
export function termSentence(step: TPlannedTerm): string {
  const name = (key: string) => step.after.people.find((person) => person.key === key)?.name ?? key;
  const where = `${step.slot.role} of “${step.team.name}”`;
  const { change } = step;
  if (change.kind === "end") return `${name(change.ending)}'s term as ${where} ends: the slot is vacant.`;
  return change.ending === null
    ? `${name(change.starting)} takes over as ${where}.`
    : `${name(change.starting)} takes over as ${where} from ${name(change.ending)}.`;
}
