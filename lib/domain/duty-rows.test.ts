import { describe, expect, it } from "vitest";
import { dutyRows, dutyUsage, withDutyMoved } from "./duty-rows";
import { mapSlice } from "./map-slice";
import { NO_TERMS, type TRemitMap } from "./model";

const map: TRemitMap = {
  people: [],
  teams: [
    { id: "t1", key: "a", name: "A", description: null, group: null },
    { id: "t2", key: "b", name: "B", description: null, group: null },
  ],
  slots: [
    {
      id: "s1",
      key: "po",
      teamId: "t1",
      role: "PO",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 0,
    },
    {
      id: "s2",
      key: "pm",
      teamId: "t1",
      role: "PM",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 1,
    },
    {
      id: "s3",
      key: "po",
      teamId: "t2",
      role: "PO",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 0,
    },
  ],
  duties: [
    { id: "d3", key: "c", name: "C", description: "", required: false, order: 2 },
    { id: "d1", key: "a", name: "A", description: "", required: true, order: 0 },
    { id: "d2", key: "b", name: "B", description: "", required: true, order: 1 },
  ],
  assignments: [
    { teamId: "t1", dutyId: "d1", slotId: "s1", level: "accountable", version: 1 },
    { teamId: "t1", dutyId: "d1", slotId: "s2", level: "consulted", version: 1 },
    { teamId: "t2", dutyId: "d1", slotId: "s3", level: "accountable", version: 1 },
    { teamId: "t2", dutyId: "d2", slotId: "s3", level: "informed", version: 1 },
  ],
};

describe("dutyRows", () => {
  it("lists the catalogue in order with assignment and team counts", () => {
    expect(
      dutyRows(map.duties, dutyUsage(map)).map((row) => [row.duty.name, row.assignmentCount, row.teamCount]),
    ).toEqual([
      ["A", 3, 2],
      ["B", 1, 1],
      ["C", 0, 0],
    ]);
  });

  it("gives the same rows from the duties' part of the map and the usage counted on the whole", () => {
    const part = mapSlice(map, "duties")!;
    expect(part).toEqual({ people: [], teams: [], slots: [], duties: map.duties, assignments: [] });
    expect(dutyRows(part.duties, dutyUsage(map))).toEqual(dutyRows(map.duties, dutyUsage(map)));
    // The part alone counts nothing: the usage has to come with it.
    expect(dutyUsage(part)).toEqual({});
  });
});

describe("withDutyMoved", () => {
  const order = (moved: TRemitMap) =>
    [...moved.duties].sort((a, b) => a.order - b.order).map((duty) => `${duty.name}${duty.order}`);

  it("moves a duty and renumbers the catalogue from 0", () => {
    expect(order(withDutyMoved(map, "d1", 2))).toEqual(["B0", "C1", "A2"]);
    expect(order(withDutyMoved(map, "d3", 0))).toEqual(["C0", "A1", "B2"]);
  });

  it("clamps the position and ignores unknown duties", () => {
    expect(order(withDutyMoved(map, "d1", 99))).toEqual(["B0", "C1", "A2"]);
    expect(order(withDutyMoved(map, "nope", 0))).toEqual(["A0", "B1", "C2"]);
  });
});
