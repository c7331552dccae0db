import { describe, expect, it } from "vitest";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import {
  formatPath,
  MAP_IMPORT_BODY_LIMIT_BYTES,
  pastTerms,
  MAP_LIMITS,
  MAP_MAX_REPORTED_ERRORS,
  validateMapDocument,
  ZMapDocument,
} from "./map";

const EXAMPLE = {
  format: "remit.map/v1",
  duties: [{ key: "vision", name: "Product vision", description: "Hold the vision.", required: true }],
  people: [{ key: "p1", name: "Example Person", email: "p1@example.com", capacity: 1 }],
  teams: [
    {
      key: "checkout",
      name: "Checkout",
      slots: [
        { key: "po", role: "PO", holder: "p1", allocation: 0.5 },
        { key: "pm", role: "PM", holder: null },
      ],
      assignments: [{ duty: "vision", slot: "po", level: "accountable" }],
    },
  ],
};

/** A fresh copy to break in one place. */
function example(): typeof EXAMPLE {
  return structuredClone(EXAMPLE);
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = validateMapDocument(input);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.errors;
}

function pathsOf(input: unknown): string[] {
  return errorsOf(input).map((error) => error.path);
}

function messageAt(input: unknown, path: string): string | undefined {
  return errorsOf(input).find((error) => error.path === path)?.message;
}

describe("validateMapDocument: accepted documents", () => {
  it("accepts the documented example and fills in defaults", () => {
    const result = validateMapDocument(example());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.teams[0]!.slots[1]).toEqual({ key: "pm", role: "PM", holder: null, allocation: 1 });
    expect(result.document.people[0]!.capacity).toBe(1);
  });

  it("accepts an empty map, and defaults every list to empty", () => {
    expect(validateMapDocument({ format: "remit.map/v1" })).toEqual({
      ok: true,
      document: { format: "remit.map/v1", duties: [], people: [], teams: [] },
    });
  });

  it("fills optional fields with their defaults", () => {
    const result = validateMapDocument({
      format: "remit.map/v1",
      duties: [{ key: "vision", name: "Product vision" }],
      people: [{ key: "p1", name: "Example Person" }],
      teams: [{ key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO" }] }],
    });
    expect(result).toEqual({
      ok: true,
      document: {
        format: "remit.map/v1",
        duties: [{ key: "vision", name: "Product vision", description: "", required: true }],
        people: [{ key: "p1", name: "Example Person", capacity: 1 }],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [{ key: "po", role: "PO", holder: null, allocation: 1 }],
            assignments: [],
          },
        ],
      },
    });
  });

  it("tidies names, roles and emails", () => {
    const input = example();
    Object.assign(input.people[0]!, { name: "  Example Person ", email: " P1@Example.COM " });
    Object.assign(input.teams[0]!.slots[0]!, { role: " po " });
    Object.assign(input.teams[0]!.slots[1]!, { role: "Tech   lead" });
    const result = validateMapDocument(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.document.people[0]).toMatchObject({ name: "Example Person", email: "p1@example.com" });
    expect(result.document.teams[0]!.slots.map((slot) => slot.role)).toEqual(["PO", "Tech lead"]);
  });

  it("accepts null for optional text, a capacity of 0 and a full-time allocation", () => {
    const input = {
      ...example(),
      people: [{ key: "p1", name: "P", email: null, capacity: 0 }],
      teams: [
        {
          key: "checkout",
          name: "Checkout",
          description: null,
          slots: [{ key: "po", role: "PO", title: null, holder: "p1", allocation: 1 }],
        },
      ],
    };
    expect(validateMapDocument(input).ok).toBe(true);
  });

  it("allows the same slot key and the same (duty, slot) pair in different teams", () => {
    const input = example();
    input.teams.push({ ...structuredClone(input.teams[0]!), key: "search", name: "Search" });
    expect(validateMapDocument(input).ok).toBe(true);
  });
});

describe("validateMapDocument: shape errors", () => {
  it("rejects something that is not a map at all", () => {
    for (const input of [null, "remit", 42, []]) {
      expect(errorsOf(input)).toEqual([
        {
          path: "",
          message: 'A map must be a JSON object with "format": "remit.map/v1", "duties", "people" and "teams".',
        },
      ]);
    }
  });

  it("asks for the format, and names a wrong one", () => {
    expect(messageAt({}, "format")).toBe('Add "format": "remit.map/v1" at the top of the file.');
    expect(messageAt({ ...example(), format: "remit.map/v2" }, "format")).toBe(
      'This file\'s format is "remit.map/v2"; Remit can import "remit.map/v1" only.',
    );
  });

  it("points at each unknown field and lists the allowed ones", () => {
    const input = example();
    Object.assign(input.teams[0]!.slots[0]!, { person: "p1", weight: 2 });
    Object.assign(input, { version: 2 });
    const errors = errorsOf(input);
    expect(errors.map((error) => error.path)).toEqual([
      "teams[0].slots[0].person",
      "teams[0].slots[0].weight",
      "version",
    ]);
    expect(errors[0]!.message).toBe(
      'Remove "person": it is not a field of a slot. Its fields are "key", "role", "title", "holder", "holderUntil", "nextHolder", "nextHolderFrom" and "allocation".',
    );
  });

  it("checks keys against the slug shape", () => {
    const input = example();
    input.teams[0]!.key = "Checkout Team";
    input.people[0]!.key = "p_1";
    expect(messageAt(input, "teams[0].key")).toBe(
      'Write the key with lower-case letters, digits and single hyphens, at most 48 characters, like "checkout".',
    );
    expect(pathsOf(input)).toContain("people[0].key");
    expect(messageAt({ ...example(), duties: [{ name: "Vision" }] }, "duties[0].key")).toBe(
      'Add a "key" for this duty, like "roadmap".',
    );
  });

  it("rejects empty and over-long text", () => {
    const input = example();
    input.people[0]!.name = "   ";
    input.duties[0]!.name = "x".repeat(MAP_LIMITS.nameLength + 1);
    input.duties[0]!.description = "x".repeat(MAP_LIMITS.descriptionLength + 1);
    expect(messageAt(input, "people[0].name")).toBe("Give the person a name.");
    expect(messageAt(input, "duties[0].name")).toBe("A name has at most 120 characters; shorten it.");
    expect(pathsOf(input)).toContain("duties[0].description");
  });

  it("requires capacity to be a finite number of at least 0", () => {
    const capacityError = (capacity: unknown) =>
      messageAt({ ...example(), people: [{ key: "p1", name: "P", capacity }] }, "people[0].capacity");
    expect(capacityError(-0.5)).toBe('"capacity" cannot be negative; use 0 for someone with no time to give.');
    expect(capacityError(Infinity)).toBe("Use a finite number here.");
    expect(capacityError(Number.NaN)).toBe("Use a finite number here.");
    expect(capacityError("1")).toBe("Use a number here, like 1 or 0.5.");
    expect(capacityError(MAP_LIMITS.capacity + 1)).toMatch(/at most 10/);
  });

  it("requires an allocation above 0 and at most the maximum", () => {
    const allocationError = (allocation: unknown) => {
      const input = example();
      Object.assign(input.teams[0]!.slots[0]!, { allocation });
      return messageAt(input, "teams[0].slots[0].allocation");
    };
    expect(allocationError(0)).toBe(
      '"allocation" is the share of the holder\'s time and must be more than 0, like 0.5.',
    );
    expect(allocationError(1.5)).toBe('"allocation" is the share of the holder\'s time; at most 1 (all of it).');
    const tiny = example();
    tiny.teams[0]!.slots[0]!.allocation = 0.01;
    expect(validateMapDocument(tiny).ok).toBe(true);
  });

  it("accepts only the four RACI levels", () => {
    const input = example();
    Object.assign(input.teams[0]!.assignments[0]!, { level: "Accountable" });
    expect(messageAt(input, "teams[0].assignments[0].level")).toBe(
      'Set "level" to "accountable", "responsible", "consulted" or "informed".',
    );
  });

  it("caps the number of slots and assignments in the whole map", () => {
    const slots = Array.from({ length: MAP_LIMITS.slotsPerTeam }, (_, index) => ({
      key: `s${index}`,
      role: "Engineer",
    }));
    const duties = Array.from({ length: MAP_LIMITS.assignmentsPerTeam / slots.length }, (_, index) => ({
      key: `d${index}`,
      name: `Duty ${index}`,
    }));
    const assignments = duties.flatMap((duty) =>
      slots.map((slot) => ({ duty: duty.key, slot: slot.key, level: "informed" })),
    );
    const teamCount = Math.max(
      MAP_LIMITS.slotsTotal / MAP_LIMITS.slotsPerTeam,
      MAP_LIMITS.assignmentsTotal / MAP_LIMITS.assignmentsPerTeam,
    );
    const teams = Array.from({ length: teamCount + 1 }, (_, index) => ({
      key: `t${index}`,
      name: `Team ${index}`,
      slots,
      assignments: index <= MAP_LIMITS.assignmentsTotal / MAP_LIMITS.assignmentsPerTeam ? assignments : [],
    }));
    expect(errorsOf({ format: "remit.map/v1", duties, teams })).toEqual([
      { path: "teams", message: "A map has at most 100,000 slots in all; split the file." },
      { path: "teams", message: "A map has at most 500,000 assignments in all; split the file." },
    ]);
  });

  it(
    "takes a map of as many teams as MAP_LIMITS allows, as the generator makes them, within the body limit",
    { timeout: 60_000 },
    () => {
      const document = mapToDocument(generateMap({ teams: MAP_LIMITS.teams, seed: 7 }));
      expect(validateMapDocument(document).ok).toBe(true);
      expect(Buffer.byteLength(JSON.stringify(document))).toBeLessThan(MAP_IMPORT_BODY_LIMIT_BYTES);
    },
  );

  it("caps the size of lists", () => {
    const input = example();
    const extra = Array.from({ length: MAP_LIMITS.slotsPerTeam }, (_, index) => ({
      key: `s${index}`,
      role: "Engineer",
      holder: "p1",
      allocation: 0.01,
    }));
    input.teams[0]!.slots.push(...extra);
    expect(messageAt(input, "teams[0].slots")).toBe("A team has at most 50 slots; split the team or remove some.");
  });
});

describe("validateMapDocument: references", () => {
  it("reports a holder who is not among the people", () => {
    const input = example();
    input.teams[0]!.slots[1]!.holder = "p9" as never;
    expect(errorsOf(input)).toEqual([
      {
        path: "teams[0].slots[1].holder",
        message: 'No person has the key "p9". Add them to "people", or set "holder" to null if the slot is vacant.',
      },
    ]);
  });

  it("reports assignments to unknown duties and to slots of other teams", () => {
    const input = example();
    input.teams.push({
      key: "search",
      name: "Search",
      slots: [{ key: "lead", role: "Tech lead", holder: null }],
      assignments: [],
    } as never);
    input.teams[0]!.assignments.push({ duty: "roadmap", slot: "lead", level: "consulted" });
    expect(errorsOf(input)).toEqual([
      {
        path: "teams[0].assignments[1].duty",
        message: 'No duty has the key "roadmap". Use the key of one of the "duties", or add it there.',
      },
      {
        path: "teams[0].assignments[1].slot",
        message:
          'Team "checkout" has no slot with the key "lead". Use the key of one of its "slots", or add the slot there.',
      },
    ]);
  });

  it("reports duplicate keys of duties, people, teams, and slots within a team", () => {
    const input = example();
    input.duties.push({ ...input.duties[0]!, name: "Vision again" });
    input.people.push({ key: "p1", name: "Someone else", email: "other@example.com", capacity: 1 });
    input.teams[0]!.slots.push({ key: "po", role: "Tech lead", holder: null } as never);
    input.teams.push({ ...structuredClone(input.teams[0]!), slots: [], assignments: [] });
    const errors = errorsOf(input);
    expect(errors).toEqual([
      { path: "duties[1].key", message: 'duties[0] already has the key "vision". Give each duty its own key.' },
      { path: "people[1].key", message: 'people[0] already has the key "p1". Give each person their own key.' },
      {
        path: "teams[0].slots[2].key",
        message: 'teams[0].slots[0] already has the key "po" in this team. Give each slot its own key.',
      },
      { path: "teams[1].key", message: 'teams[0] already has the key "checkout". Give each team its own key.' },
    ]);
  });

  it("reports two levels for the same duty and slot in a team", () => {
    const input = example();
    input.teams[0]!.assignments.push({ duty: "vision", slot: "pm", level: "responsible" });
    input.teams[0]!.assignments.push({ duty: "vision", slot: "po", level: "informed" });
    expect(errorsOf(input)).toEqual([
      {
        path: "teams[0].assignments[2]",
        message:
          'teams[0].assignments[0] already gives slot "po" a level for duty "vision". ' +
          "A slot has one level per duty; remove one of the two.",
      },
    ]);
  });

  it("reports duplicate emails, whatever their case", () => {
    const input = example();
    input.people.push({ key: "p2", name: "Other", email: "P1@example.com ", capacity: 1 });
    expect(errorsOf(input)).toEqual([
      {
        path: "people[1].email",
        message: 'people[0] already has the email "p1@example.com". Give each person their own email, or leave it out.',
      },
    ]);
  });

  it("reports a malformed reference once, as a shape error", () => {
    const input = example();
    input.teams[0]!.slots[0]!.holder = "P 1";
    expect(errorsOf(input)).toHaveLength(1);
    expect(messageAt(input, "teams[0].slots[0].holder")).toMatch(/must be the key of a person/);
  });

  it("checks references into a list that is left out, as into an empty one", () => {
    const input = {
      format: "remit.map/v1",
      teams: [
        { key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO", holder: "p1" }] },
        { key: "search", name: "Search", assignments: [{ duty: "vision", slot: "po", level: "informed" }] },
      ],
    };
    expect(pathsOf(input)).toEqual([
      "teams[0].slots[0].holder",
      "teams[1].assignments[0].duty",
      "teams[1].assignments[0].slot",
    ]);
  });

  it("does not guess at references when the list they point into is itself broken", () => {
    const input = { ...example(), people: "everyone" };
    expect(pathsOf(input)).toEqual(["people"]);
  });
});

describe("validateMapDocument: reporting", () => {
  it("reports every problem in one go, with a path to each, in document order", () => {
    const input = {
      format: "remit.map/v1",
      duties: [
        { key: "vision", name: "Product vision", required: "yes" },
        { key: "vision", name: "" },
      ],
      people: [
        { key: "ada", name: "Ada", email: "not-an-email", capacity: -1 },
        { key: "grace", name: "Grace", email: "ada@example.com" },
        { key: "alan", name: "Alan", email: "ADA@example.com" },
      ],
      teams: [
        { key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO", holder: "ada" }] },
        {
          key: "search",
          name: "Search",
          colour: "blue",
          slots: [
            { key: "po", role: "", holder: "nobody" },
            { key: "pm", role: "PM", holder: "grace", allocation: 2 },
          ],
          assignments: [
            { duty: "vision", slot: "po", level: "owner" },
            { duty: "roadmap", slot: "pm", level: "accountable" },
            { duty: "vision", slot: "lead", level: "consulted" },
            { duty: "vision", slot: "po", level: "informed" },
          ],
        },
      ],
    };
    expect(pathsOf(input)).toEqual([
      "duties[0].required",
      "duties[1].key",
      "duties[1].name",
      "people[0].email",
      "people[0].capacity",
      "people[2].email",
      "teams[1].slots[0].role",
      "teams[1].slots[0].holder",
      "teams[1].slots[1].allocation",
      "teams[1].assignments[0].level",
      "teams[1].assignments[1].duty",
      "teams[1].assignments[2].slot",
      "teams[1].assignments[3]",
      "teams[1].colour",
    ]);
  });

  it("stops listing after many problems and says how many more there are", () => {
    const people = Array.from({ length: MAP_MAX_REPORTED_ERRORS + 20 }, (_, index) => ({ key: `p${index}`, name: "" }));
    const errors = errorsOf({ format: "remit.map/v1", people });
    expect(errors).toHaveLength(MAP_MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({
      path: "",
      message: "…and 20 more problems. Fix these, then check the file again to see the rest.",
    });
  });

  it("exports the schema for other callers, with the same rules", () => {
    expect(ZMapDocument.safeParse(example()).success).toBe(true);
    expect(ZMapDocument.safeParse({ ...example(), format: "other" }).success).toBe(false);
  });
});

describe("formatPath", () => {
  it("writes JSON paths the way people read them", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["teams", 2, "assignments", 0, "slot"])).toBe("teams[2].assignments[0].slot");
    expect(formatPath(["teams", 0, "my field"])).toBe('teams[0]["my field"]');
  });
});

describe("validateMapDocument: terms", () => {
  const termed = (slot: Record<string, unknown>) => {
    const input = example();
    Object.assign(input.teams[0]!.slots[0]!, slot);
    return input;
  };

  it("accepts an end and a next holder, as UTC ISO 8601 whatever offset they came in", () => {
    const input = termed({
      holderUntil: "2027-03-01T10:00:00+01:00",
      nextHolder: "p1",
      nextHolderFrom: "2027-03-02T09:00:00Z",
    });
    const result = validateMapDocument(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.document.teams[0]!.slots[0]).toMatchObject({
      holderUntil: "2027-03-01T09:00:00.000Z",
      nextHolder: "p1",
      nextHolderFrom: "2027-03-02T09:00:00.000Z",
    });
  });

  it("reports an unknown next holder, a start without a person, an end of a vacant slot, and no moment", () => {
    expect(pathsOf(termed({ nextHolder: "p9", nextHolderFrom: "2027-03-02T09:00:00Z" }))).toEqual([
      "teams[0].slots[0].nextHolder",
    ]);
    expect(pathsOf(termed({ nextHolderFrom: "2027-03-02T09:00:00Z" }))).toEqual(["teams[0].slots[0].nextHolder"]);
    expect(
      messageAt(termed({ holder: null, holderUntil: "2027-03-02T09:00:00Z" }), "teams[0].slots[0].holderUntil"),
    ).toMatch(/vacant slot/);
    expect(pathsOf(termed({ holderUntil: "next spring" }))).toEqual(["teams[0].slots[0].holderUntil"]);
  });

  it("lists the terms an import would set in the past", () => {
    const result = validateMapDocument(termed({ holderUntil: "2020-01-01T00:00:00Z" }));
    if (!result.ok) throw new Error("expected the document to be accepted");
    expect(pastTerms(result.document, Date.now())).toEqual([
      { path: "teams[0].slots[0].holderUntil", message: "The term's end must be in the future." },
    ]);
  });
});
