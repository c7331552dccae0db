import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { generateMap } from "./generate-map";
import { peopleSlice } from "./map-slice";
import { NO_TERMS, type TRemitMap } from "./model";
import {
  allocationShare,
  filterPeopleRows,
  formatFte,
  holdingsOf,
  peoplePage,
  peopleRows,
  personDuties,
  slotLabel,
} from "./people-view";

const map: TRemitMap = {
  people: [
    { id: "p1", key: "zoe", name: "Zoe Zed", email: null, capacity: 1 },
    { id: "p2", key: "ada", name: "Ada Lovelace", email: "ada@example.com", capacity: 0.8 },
    { id: "p3", key: "idle", name: "Ivo Idle", email: null, capacity: 1 },
  ],
  teams: [
    { id: "t1", key: "search", name: "Search", description: null, group: null },
    { id: "t2", key: "checkout", name: "Checkout", description: null, group: null },
  ],
  slots: [
    {
      id: "s1",
      key: "po",
      teamId: "t1",
      role: "PO",
      title: null,
      holderId: "p2",
      ...NO_TERMS,
      allocation: 0.5,
      order: 0,
    },
    {
      id: "s2",
      key: "pm",
      teamId: "t1",
      role: "PM",
      title: null,
      holderId: "p2",
      ...NO_TERMS,
      allocation: 0.5,
      order: 1,
    },
    {
      id: "s3",
      key: "po",
      teamId: "t2",
      role: "PO",
      title: "Payments",
      holderId: "p2",
      ...NO_TERMS,
      allocation: 0.2,
      order: 0,
    },
    {
      id: "s4",
      key: "pm",
      teamId: "t2",
      role: "PM",
      title: null,
      holderId: "p1",
      ...NO_TERMS,
      allocation: 1,
      order: 1,
    },
  ],
  duties: [
    { id: "d1", key: "vision", name: "Vision", description: "", required: true, order: 0 },
    { id: "d2", key: "roadmap", name: "Roadmap", description: "", required: true, order: 1 },
  ],
  assignments: [
    { teamId: "t1", dutyId: "d2", slotId: "s2", level: "responsible", version: 1 },
    { teamId: "t1", dutyId: "d1", slotId: "s1", level: "accountable", version: 1 },
    { teamId: "t2", dutyId: "d1", slotId: "s3", level: "consulted", version: 1 },
    { teamId: "t2", dutyId: "d1", slotId: "s4", level: "accountable", version: 1 },
  ],
};

describe("peopleRows", () => {
  const rows = peopleRows(map, analyzeMap(map));

  it("lists everyone by name with their slots by team name", () => {
    expect(rows.map((row) => row.person.name)).toEqual(["Ada Lovelace", "Ivo Idle", "Zoe Zed"]);
    expect(rows[0]!.holdings.map((holding) => `${holding.team.name} ${holding.label}`)).toEqual([
      "Checkout PO · Payments",
      "Search PO",
      "Search PM",
    ]);
    expect(rows[1]!.holdings).toEqual([]);
  });

  it("adds up allocations and attaches the overload and dual-role flags", () => {
    const ada = rows[0]!;
    expect(ada.allocated).toBe(1.2);
    expect(ada.isOverloaded).toBe(true);
    expect(ada.flags.map((flag) => flag.kind)).toEqual(["overloaded_person", "dual_role"]);
    expect(ada.flags[0]!.message).toContain("more than their capacity of 0.8");
    expect(rows[2]!).toMatchObject({ allocated: 1, isOverloaded: false, flags: [] });
  });
});

describe("holdingsOf", () => {
  it("gives the slots that would become vacant", () => {
    expect(holdingsOf(map, "p1").map((holding) => holding.slot.id)).toEqual(["s4"]);
    expect(holdingsOf(map, "p3")).toEqual([]);
  });
});

describe("personDuties", () => {
  it("lists duties through held slots by team, catalogue order and slot", () => {
    expect(
      personDuties(map, "p2").map((row) => [row.team.name, row.duty.name, row.slotLabel, row.level].join(" / ")),
    ).toEqual([
      "Checkout / Vision / PO · Payments / consulted",
      "Search / Vision / PO / accountable",
      "Search / Roadmap / PM / responsible",
    ]);
    expect(personDuties(map, "p3")).toEqual([]);
  });
});

describe("formatFte", () => {
  it("keeps one decimal at least and two at most", () => {
    expect(formatFte(1)).toBe("1.0");
    expect(formatFte(1.2)).toBe("1.2");
    expect(formatFte(0.3)).toBe("0.3");
    expect(formatFte(0.75)).toBe("0.75");
    expect(formatFte(1 / 3)).toBe("0.33");
    expect(formatFte(0)).toBe("0.0");
  });
});

describe("allocationShare", () => {
  it("fills the bar up to capacity and no further", () => {
    expect(allocationShare(0.5, 1)).toBe(0.5);
    expect(allocationShare(1.2, 1)).toBe(1);
    expect(allocationShare(0, 0)).toBe(0);
    expect(allocationShare(0.5, 0)).toBe(1);
  });
});

describe("slotLabel", () => {
  it("adds the title when there is one", () => {
    expect(slotLabel({ role: "PO", title: null })).toBe("PO");
    expect(slotLabel({ role: "Engineer", title: "API" })).toBe("Engineer · API");
  });
});

describe("filterPeopleRows", () => {
  const rows = peopleRows(map, analyzeMap(map));
  const names = (filtered: ReturnType<typeof filterPeopleRows>) => filtered.map((row) => row.person.name);

  it("finds people by a part of their name or email, ignoring case, keeping the order", () => {
    expect(names(filterPeopleRows(rows, { text: "", isOverloadedOnly: false }))).toEqual(names(rows));
    expect(names(filterPeopleRows(rows, { text: " ZED ", isOverloadedOnly: false }))).toEqual(["Zoe Zed"]);
    expect(names(filterPeopleRows(rows, { text: "example.com", isOverloadedOnly: false }))).toEqual(["Ada Lovelace"]);
    expect(names(filterPeopleRows(rows, { text: "nobody", isOverloadedOnly: false }))).toEqual([]);
  });

  it("keeps only the people over capacity when asked, combined with the text", () => {
    expect(names(filterPeopleRows(rows, { text: "", isOverloadedOnly: true }))).toEqual(["Ada Lovelace"]);
    expect(names(filterPeopleRows(rows, { text: "zoe", isOverloadedOnly: true }))).toEqual([]);
  });
});

describe("peoplePage", () => {
  const whole = generateMap({ teams: 30, seed: 3 });
  const people = peopleSlice(whole);
  const rows = peopleRows(whole, analyzeMap(whole));
  const overloaded = rows.filter((row) => row.isOverloaded);
  /** What a browser shows of a page: the rows of analysing it. */
  const shownRows = (map: TRemitMap) => peopleRows(map, analyzeMap(map));

  it("gives each person on a page the row the whole map gives them, pages in name order, and counts everyone", () => {
    expect(overloaded.length).toBeGreaterThan(0);
    const counts = { total: rows.length, matching: rows.length, overloaded: overloaded.length };
    for (const offset of [0, 50, rows.length - 3]) {
      const page = peoplePage(people, peopleRows(people, analyzeMap(people)), { offset, limit: 50 });
      expect(shownRows(page.map)).toEqual(rows.slice(offset, offset + 50));
      expect(page.counts).toEqual(counts);
      expect(page.map.duties).toEqual([]);
      expect(page.map.assignments).toEqual([]);
    }
    const beyond = peoplePage(people, rows, { offset: rows.length, limit: 50 });
    expect(beyond.map.people).toEqual([]);
    expect(beyond.counts).toEqual(counts);
  });

  it("carries only the page's people, their slots and those slots' teams", () => {
    const page = peoplePage(people, rows, { offset: 10, limit: 5 }).map;
    const ids = new Set(page.people.map((person) => person.id));
    expect(ids.size).toBe(5);
    expect(page.slots).toEqual(whole.slots.filter((slot) => slot.holderId !== null && ids.has(slot.holderId)));
    expect(page.teams).toEqual(whole.teams.filter((team) => page.slots.some((slot) => slot.teamId === team.id)));
  });

  it("finds by name or email and keeps only the overloaded when asked, counting what matches", () => {
    const someone = rows[7]!.person;
    const named = rows.filter((row) => row.person.name === someone.name);
    const found = peoplePage(people, rows, { find: ` ${someone.name.toUpperCase()} `, limit: 50 });
    expect(shownRows(found.map)).toEqual(named);
    expect(found.counts.matching).toBe(named.length);
    const heavy = peoplePage(people, rows, { isOverloadedOnly: true, offset: 1, limit: 3 });
    expect(shownRows(heavy.map)).toEqual(overloaded.slice(1, 4));
    expect(heavy.counts).toEqual({ total: rows.length, matching: overloaded.length, overloaded: overloaded.length });
  });
});
