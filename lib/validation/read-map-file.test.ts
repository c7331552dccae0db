import { describe, expect, it } from "vitest";
import { readMapFile } from "./read-map-file";

describe("readMapFile", () => {
  it("accepts a valid map and fills in defaults", () => {
    const result = readMapFile(
      JSON.stringify({ format: "remit.map/v1", people: [{ key: "ada", name: "Ada" }], duties: [], teams: [] }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.document.people[0]?.capacity).toBe(1);
      expect(result.input).toEqual({
        format: "remit.map/v1",
        people: [{ key: "ada", name: "Ada" }],
        duties: [],
        teams: [],
      });
    }
  });

  it("says when the text is empty or not JSON", () => {
    expect(readMapFile("  ")).toEqual({ ok: false, errors: [{ path: "", message: expect.stringContaining("empty") }] });
    const result = readMapFile("{ nope");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^This is not valid JSON/);
  });

  it("lists every problem with its JSON path", () => {
    const result = readMapFile(
      JSON.stringify({
        format: "remit.map/v1",
        duties: [{ key: "roadmap", name: "Roadmap" }],
        people: [{ key: "Ada Lovelace", name: "Ada" }],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [{ key: "po", role: "PO", holder: "nobody" }],
            assignments: [{ duty: "vision", slot: "po", level: "boss" }],
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.path)).toEqual([
        "people[0].key",
        "teams[0].slots[0].holder",
        "teams[0].assignments[0].duty",
        "teams[0].assignments[0].level",
      ]);
    }
  });

  it("rejects the NUL character, which cannot be stored", () => {
    const result = readMapFile(
      JSON.stringify({ format: "remit.map/v1", people: [{ key: "ada", name: "Ada\u0000" }], duties: [], teams: [] }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "people[0].name", message: expect.stringContaining("NUL") }],
    });
  });
});
