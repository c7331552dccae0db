import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { analyzeMap } from "./analyze-map";
import { generateMap } from "./generate-map";
import { documentFingerprint, documentToMap, mapToDocument, type TCreateId } from "./map-document";
import { MAP_FORMAT, type TMapDocument } from "./map-format";
import { NO_TERMS, type TMapEntityKind, type TRemitMap } from "./model";

const DOCUMENT: TMapDocument = {
  format: MAP_FORMAT,
  duties: [
    { key: "vision", name: "Product vision", description: "Hold the vision.", required: true },
    { key: "pricing", name: "Pricing decisions", description: "", required: false },
  ],
  people: [
    { key: "ada", name: "Ada Lovelace", email: "ada@example.com", capacity: 1 },
    { key: "grace", name: "Grace Hopper", capacity: 0.5 },
  ],
  teams: [
    {
      key: "checkout",
      name: "Checkout",
      description: "Takes the money.",
      slots: [
        { key: "po", role: "PO", holder: "ada", allocation: 0.5 },
        { key: "pm", role: "PM", title: "Senior PM", holder: null, allocation: 1 },
      ],
      assignments: [
        { duty: "vision", slot: "po", level: "accountable" },
        { duty: "vision", slot: "pm", level: "consulted" },
        { duty: "pricing", slot: "pm", level: "responsible" },
      ],
    },
    {
      key: "search",
      name: "Search",
      slots: [{ key: "po", role: "PO", holder: "grace", allocation: 0.5 }],
      assignments: [],
    },
  ],
};

/** Ids that say what they are, and a log of what was asked for. */
function readableIds(): { createId: TCreateId; calls: [TMapEntityKind, string][] } {
  const calls: [TMapEntityKind, string][] = [];
  return {
    calls,
    createId: (kind, { key, teamKey }) => {
      const ref = teamKey ? `${teamKey}/${key}` : key;
      calls.push([kind, ref]);
      return `${kind}:${ref}`;
    },
  };
}

function counterIds(): TCreateId {
  let next = 0;
  return (kind) => `${kind}-${next++}`;
}

function reimport(document: unknown): TRemitMap {
  const result = validateMapDocument(JSON.parse(JSON.stringify(document)));
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return documentToMap(result.document, counterIds());
}

describe("documentToMap", () => {
  const { createId, calls } = readableIds();
  const map = documentToMap(DOCUMENT, createId);

  it("asks the caller for every id, passing the team key for slots", () => {
    expect(calls).toEqual([
      ["duty", "vision"],
      ["duty", "pricing"],
      ["person", "ada"],
      ["person", "grace"],
      ["team", "checkout"],
      ["slot", "checkout/po"],
      ["slot", "checkout/pm"],
      ["team", "search"],
      ["slot", "search/po"],
    ]);
  });

  it("resolves keys to ids and keeps the file's order for duties and slots", () => {
    expect(map.duties.map((duty) => [duty.id, duty.order])).toEqual([
      ["duty:vision", 0],
      ["duty:pricing", 1],
    ]);
    expect(map.slots).toEqual([
      {
        id: "slot:checkout/po",
        key: "po",
        teamId: "team:checkout",
        role: "PO",
        title: null,
        holderId: "person:ada",
        ...NO_TERMS,
        allocation: 0.5,
        order: 0,
      },
      {
        id: "slot:checkout/pm",
        key: "pm",
        teamId: "team:checkout",
        role: "PM",
        title: "Senior PM",
        holderId: null,
        ...NO_TERMS,
        allocation: 1,
        order: 1,
      },
      {
        id: "slot:search/po",
        key: "po",
        teamId: "team:search",
        role: "PO",
        title: null,
        holderId: "person:grace",
        ...NO_TERMS,
        allocation: 0.5,
        order: 0,
      },
    ]);
    expect(map.assignments[2]).toEqual({
      teamId: "team:checkout",
      dutyId: "duty:pricing",
      slotId: "slot:checkout/pm",
      level: "responsible",
      version: 1,
    });
  });

  it("turns missing optional fields into null", () => {
    expect(map.people.map((person) => person.email)).toEqual(["ada@example.com", null]);
    expect(map.teams.map((team) => team.description)).toEqual(["Takes the money.", null]);
  });

  it("refuses a document whose references do not resolve", () => {
    const broken: TMapDocument = {
      ...DOCUMENT,
      teams: [{ ...DOCUMENT.teams[0]!, assignments: [{ duty: "roadmap", slot: "po", level: "informed" }] }],
    };
    expect(() => documentToMap(broken, counterIds())).toThrow(/duty "roadmap"/);
  });
});

describe("mapToDocument", () => {
  it("gives back the document a map was made from", () => {
    expect(mapToDocument(documentToMap(DOCUMENT, counterIds()))).toEqual(DOCUMENT);
  });

  it("orders duties by position, people and teams by key, slots by position, assignments by duty then slot", () => {
    const map = documentToMap(DOCUMENT, readableIds().createId);
    const shuffled: TRemitMap = {
      duties: [...map.duties].reverse(),
      people: [...map.people].reverse(),
      teams: [...map.teams].reverse(),
      slots: [...map.slots].reverse(),
      assignments: [...map.assignments].reverse(),
    };
    expect(JSON.stringify(mapToDocument(shuffled))).toBe(JSON.stringify(mapToDocument(map)));

    const renumbered: TRemitMap = {
      ...map,
      people: map.people.map((person) => (person.key === "ada" ? { ...person, key: "zoe" } : person)),
      slots: map.slots.map((slot) => (slot.key === "pm" ? { ...slot, order: -1 } : slot)),
    };
    const document = mapToDocument(renumbered);
    expect(document.people.map((person) => person.key)).toEqual(["grace", "zoe"]);
    expect(document.teams[0]!.slots.map((slot) => slot.key)).toEqual(["pm", "po"]);
    expect(document.teams[0]!.assignments).toEqual([
      { duty: "vision", slot: "pm", level: "consulted" },
      { duty: "vision", slot: "po", level: "accountable" },
      { duty: "pricing", slot: "pm", level: "responsible" },
    ]);
  });

  it("leaves out null optional fields and always writes the defaulted ones", () => {
    const document = mapToDocument(documentToMap(DOCUMENT, counterIds()));
    expect(Object.keys(document.people[1]!)).toEqual(["key", "name", "capacity"]);
    expect(Object.keys(document.teams[1]!)).toEqual(["key", "name", "slots", "assignments"]);
    expect(Object.keys(document.teams[0]!.slots[0]!)).toEqual(["key", "role", "holder", "allocation"]);
    expect(document.teams[0]!.slots[1]).toEqual({
      key: "pm",
      role: "PM",
      title: "Senior PM",
      holder: null,
      allocation: 1,
    });
  });

  it("writes an organisation with nothing in it as an empty document", () => {
    expect(mapToDocument({ people: [], teams: [], slots: [], duties: [], assignments: [] })).toEqual({
      format: "remit.map/v1",
      duties: [],
      people: [],
      teams: [],
    });
  });

  it("refuses a map that points at something it lacks", () => {
    const map = documentToMap(DOCUMENT, readableIds().createId);
    expect(() => mapToDocument({ ...map, people: [] })).toThrow(/held by person:ada/);
    expect(() => mapToDocument({ ...map, duties: [] })).toThrow(/duty duty:vision/);
    expect(() => mapToDocument({ ...map, teams: map.teams.slice(1) })).toThrow(/team team:checkout/);
  });
});

describe("round trip", () => {
  it("export -> import -> export is identical for the documented example", () => {
    const first = mapToDocument(reimport(DOCUMENT));
    expect(mapToDocument(reimport(first))).toEqual(first);
    expect(first).toEqual(DOCUMENT);
  });

  it("export -> import -> export is identical for a generated map of 100 teams", () => {
    const map = generateMap({ teams: 100, seed: 11 });
    const exported = JSON.stringify(mapToDocument(map));
    const reimported = reimport(JSON.parse(exported));
    expect(JSON.stringify(mapToDocument(reimported))).toBe(exported);

    expect(reimported.teams).toHaveLength(100);
    expect(reimported.assignments).toHaveLength(map.assignments.length);
  });

  it("keeps what the analysis finds", () => {
    const map = generateMap({ teams: 100, seed: 12 });
    const reimported = reimport(mapToDocument(map));
    // Ids differ after an import, so compare by what people see: kind, severity and message.
    const summary = (target: TRemitMap) =>
      analyzeMap(target)
        .flags.map((flag) => `${flag.kind} ${flag.severity} ${flag.message}`)
        .sort();
    expect(summary(reimported)).toEqual(summary(map));
    expect(analyzeMap(reimported).score).toBe(analyzeMap(map).score);
  });
});

describe("documentFingerprint", () => {
  it("is the same for the same document and 16 hex digits long", () => {
    const fingerprint = documentFingerprint(DOCUMENT);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(documentFingerprint(structuredClone(DOCUMENT))).toBe(fingerprint);
  });

  it("changes with any change, however small", () => {
    const map = generateMap({ teams: 20, seed: 3 });
    const document = mapToDocument(map);
    const seen = new Set([documentFingerprint(document)]);
    const team = document.teams[0]!;
    const variants: TMapDocument[] = [
      { ...document, teams: [{ ...team, name: `${team.name} ` }, ...document.teams.slice(1)] },
      { ...document, teams: document.teams.slice(1) },
      { ...document, teams: [...document.teams.slice(1), team] },
      {
        ...document,
        teams: [
          { ...team, slots: team.slots.map((slot, index) => (index === 0 ? { ...slot, allocation: 0.51 } : slot)) },
          ...document.teams.slice(1),
        ],
      },
    ];
    for (const variant of variants) seen.add(documentFingerprint(variant));
    expect(seen.size).toBe(variants.length + 1);
  });
});
