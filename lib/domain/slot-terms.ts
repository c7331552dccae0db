// Terms (issue 22): a slot's holder can have an end (`holderUntil`), and a planned next holder can take the slot over
// from a moment (`nextHolderFrom`). At the end the slot is vacant; at the next holder's start it is theirs, and the
// current holder's term ends then whatever its own end said. What happens when is worked out here, once, for the
// live job that applies a term, for the plan of the map as it will be, and for the timeline.

/** A slot's holder and terms, whatever names a person (an id in a map, a key in a map document). */
export type TTermSlot<TPerson> = {
  holder: TPerson | null;
  /** ISO 8601, or null. */
  holderUntil: string | null;
  nextHolder: TPerson | null;
  nextHolderFrom: string | null;
};

/** What happens to a slot at one moment: its holder's term ends (the slot is vacant), or the next holder starts. */
export type TTermChange<TPerson> =
  | { kind: "end"; at: string; ending: TPerson }
  | { kind: "start"; at: string; ending: TPerson | null; starting: TPerson };

/** The moment a next holder takes over; null when none is planned (a plan without its person is none). */
function startOf<TPerson>(slot: TTermSlot<TPerson>): string | null {
  return slot.nextHolder === null ? null : slot.nextHolderFrom;
}

/** The holder's own end, when it comes before any next holder's start (else the start ends the term). */
function endOf<TPerson>(slot: TTermSlot<TPerson>): string | null {
  if (slot.holder === null || slot.holderUntil === null) return null;
  const start = startOf(slot);
  return start !== null && Date.parse(start) <= Date.parse(slot.holderUntil) ? null : slot.holderUntil;
}

/** The slot's next change, if it has one planned: an end, or a start (which comes after any end before it). */
export function nextTermChange<TPerson>(slot: TTermSlot<TPerson>): TTermChange<TPerson> | null {
  const end = endOf(slot);
  if (end !== null) return { kind: "end", at: end, ending: slot.holder! };
  const start = startOf(slot);
  return start === null ? null : { kind: "start", at: start, ending: slot.holder, starting: slot.nextHolder! };
}

/** Whether any slot of a map (ids) changes holder by `at` (ms since the epoch): if none does, a plan has no terms. */
export function anyTermChangeBy(
  slots: readonly {
    holderId: string | null;
    holderUntil: string | null;
    nextHolderId: string | null;
    nextHolderFrom: string | null;
  }[],
  at: number,
): boolean {
  return slots.some((slot) => {
    if (slot.holderUntil === null && slot.nextHolderFrom === null) return false;
    const change = nextTermChange({
      holder: slot.holderId,
      holderUntil: slot.holderUntil,
      nextHolder: slot.nextHolderId,
      nextHolderFrom: slot.nextHolderFrom,
    });
    return change !== null && Date.parse(change.at) <= at;
  });
}

/** The slot once `change` has happened: vacant after an end, the next holder's (with no term yet) after a start. */
export function afterTermChange<TPerson>(slot: TTermSlot<TPerson>, change: TTermChange<TPerson>): TTermSlot<TPerson> {
  if (change.kind === "end") return { ...slot, holder: null, holderUntil: null };
  return { holder: change.starting, holderUntil: null, nextHolder: null, nextHolderFrom: null };
}

/** The slot as it is at `at` (ms since the epoch), every change due by then applied in order, and those changes. */
export function termsDueBy<TPerson>(
  slot: TTermSlot<TPerson>,
  at: number,
): { slot: TTermSlot<TPerson>; changes: TTermChange<TPerson>[] } {
  const changes: TTermChange<TPerson>[] = [];
  let current = slot;
  // At most two changes: an end, then a start.
  for (let change = nextTermChange(current); change && Date.parse(change.at) <= at; change = nextTermChange(current)) {
    changes.push(change);
    current = afterTermChange(current, change);
  }
  return { slot: current, changes };
}

/**
 * What a change of a slot's holder or terms must satisfy, given the slot as it would be after it and the moment
 * now: every problem, each as a sentence naming the field. A term that ends, or a next holder who starts, in the past
 * is refused (the moment has gone; change the holder instead); so is a start without its person or before the end of
 * the current term.
 */
export function termProblems<TPerson>(
  slot: TTermSlot<TPerson>,
  now: number,
): { field: "holderUntil" | "nextHolderId" | "nextHolderFrom"; message: string }[] {
  const problems: ReturnType<typeof termProblems>[number][] = [];
  if (slot.holderUntil !== null) {
    if (slot.holder === null) {
      problems.push({ field: "holderUntil", message: "A vacant slot has no term to end: choose a holder first." });
    } else if (Date.parse(slot.holderUntil) <= now) {
      problems.push({ field: "holderUntil", message: "The term's end must be in the future." });
    }
  }
  if ((slot.nextHolder === null) !== (slot.nextHolderFrom === null)) {
    problems.push(
      slot.nextHolder === null
        ? { field: "nextHolderId", message: "Name the next holder who starts at nextHolderFrom." }
        : { field: "nextHolderFrom", message: "Say from when the next holder takes the slot over (nextHolderFrom)." },
    );
  } else if (slot.nextHolderFrom !== null) {
    if (Date.parse(slot.nextHolderFrom) <= now) {
      problems.push({ field: "nextHolderFrom", message: "The next holder's start must be in the future." });
    } else if (slot.holderUntil !== null && Date.parse(slot.nextHolderFrom) < Date.parse(slot.holderUntil)) {
      problems.push({
        field: "nextHolderFrom",
        message: "The next holder starts before the current term ends: end the term earlier, or start later.",
      });
    }
  }
  return problems;
}

/** A term's moment as sentences say it: "1 Mar 2027, 09:00 UTC" (UTC, so every reader and server says the same). */
export function formatTermMoment(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${day}, ${time} UTC`;
}
