import { describe, expect, it } from "vitest";
import {
  anyTermChangeBy,
  formatTermMoment,
  nextTermChange,
  termProblems,
  termsDueBy,
  type TTermSlot,
} from "./slot-terms";

const at = (day: number) => new Date(Date.UTC(2027, 2, day, 9)).toISOString();
const ms = (day: number) => Date.parse(at(day));
const slot = (fields: Partial<TTermSlot<string>>): TTermSlot<string> => ({
  holder: "ana",
  holderUntil: null,
  nextHolder: null,
  nextHolderFrom: null,
  ...fields,
});

describe("nextTermChange", () => {
  it("is nothing without a term", () => {
    expect(nextTermChange(slot({}))).toBeNull();
    // A start whose person was deleted is no plan.
    expect(nextTermChange(slot({ nextHolderFrom: at(3) }))).toBeNull();
  });

  it("is the end when it comes before the next holder's start, else the start", () => {
    expect(nextTermChange(slot({ holderUntil: at(1), nextHolder: "sam", nextHolderFrom: at(3) }))).toEqual({
      kind: "end",
      at: at(1),
      ending: "ana",
    });
    expect(nextTermChange(slot({ holderUntil: at(3), nextHolder: "sam", nextHolderFrom: at(3) }))).toEqual({
      kind: "start",
      at: at(3),
      ending: "ana",
      starting: "sam",
    });
  });

  it("ignores an end on a vacant slot", () => {
    expect(nextTermChange(slot({ holder: null, holderUntil: at(1) }))).toBeNull();
  });
});

describe("termsDueBy", () => {
  const planned = slot({ holderUntil: at(1), nextHolder: "sam", nextHolderFrom: at(3) });

  it("changes nothing before the first moment", () => {
    expect(termsDueBy(planned, ms(1) - 1)).toEqual({ slot: planned, changes: [] });
  });

  it("ends the term at its moment and keeps the next holder planned", () => {
    const { slot: after, changes } = termsDueBy(planned, ms(1));
    expect(after).toEqual({ holder: null, holderUntil: null, nextHolder: "sam", nextHolderFrom: at(3) });
    expect(changes.map((change) => change.kind)).toEqual(["end"]);
  });

  it("applies both, in order, when both are due", () => {
    const { slot: after, changes } = termsDueBy(planned, ms(10));
    expect(after).toEqual({ holder: "sam", holderUntil: null, nextHolder: null, nextHolderFrom: null });
    expect(changes).toEqual([
      { kind: "end", at: at(1), ending: "ana" },
      { kind: "start", at: at(3), ending: null, starting: "sam" },
    ]);
  });
});

describe("termProblems", () => {
  const now = ms(2);

  it("accepts future terms and no terms", () => {
    expect(termProblems(slot({}), now)).toEqual([]);
    expect(termProblems(slot({ holderUntil: at(3), nextHolder: "sam", nextHolderFrom: at(3) }), now)).toEqual([]);
  });

  it("refuses an end in the past, an end of a vacant slot, and a start in the past", () => {
    expect(termProblems(slot({ holderUntil: at(1) }), now).map((problem) => problem.field)).toEqual(["holderUntil"]);
    expect(termProblems(slot({ holder: null, holderUntil: at(3) }), now)[0]?.message).toMatch(/vacant slot/);
    expect(termProblems(slot({ nextHolder: "sam", nextHolderFrom: at(1) }), now)[0]?.field).toBe("nextHolderFrom");
  });

  it("wants the next holder and their start together, the start not before the end", () => {
    expect(termProblems(slot({ nextHolder: "sam" }), now)[0]?.field).toBe("nextHolderFrom");
    expect(termProblems(slot({ nextHolderFrom: at(3) }), now)[0]?.field).toBe("nextHolderId");
    expect(
      termProblems(slot({ holderUntil: at(5), nextHolder: "sam", nextHolderFrom: at(4) }), now)[0]?.message,
    ).toMatch(/starts before the current term ends/);
  });
});

describe("formatTermMoment", () => {
  it("says the moment in UTC", () => {
    expect(formatTermMoment("2027-03-01T09:00:00.000Z")).toBe("1 Mar 2027, 09:00 UTC");
  });
});

describe("anyTermChangeBy", () => {
  const mapSlot = (fields: Partial<{ holderUntil: string; nextHolderId: string; nextHolderFrom: string }>) => ({
    holderId: "ana",
    holderUntil: null,
    nextHolderId: null,
    nextHolderFrom: null,
    ...fields,
  });

  it("says whether a slot changes holder by the moment", () => {
    expect(anyTermChangeBy([mapSlot({})], ms(9))).toBe(false);
    expect(anyTermChangeBy([mapSlot({}), mapSlot({ holderUntil: at(3) })], ms(2))).toBe(false);
    expect(anyTermChangeBy([mapSlot({}), mapSlot({ holderUntil: at(3) })], ms(3))).toBe(true);
    expect(anyTermChangeBy([mapSlot({ nextHolderId: "sam", nextHolderFrom: at(4) })], ms(4))).toBe(true);
  });
});
