import { describe, expect, it } from "vitest";
import { csvField, MAP_CSV_COLUMNS, mapDocumentToCsv } from "./map-csv";
import { MAP_FORMAT, type TMapDocument } from "./map-format";

describe("csvField", () => {
  it("leaves plain text alone and writes nothing for null", () => {
    expect(csvField("Checkout")).toBe("Checkout");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("Search, EU")).toBe('"Search, EU"');
    expect(csvField('The "core" team')).toBe('"The ""core"" team"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("mapDocumentToCsv", () => {
  const document: TMapDocument = {
    format: MAP_FORMAT,
    duties: [
      { key: "vision", name: "Product vision", description: "", required: true },
      { key: "pricing", name: "Pricing, packaging", description: "", required: false },
    ],
    people: [{ key: "ada", name: "=Ada", capacity: 1 }],
    teams: [
      {
        key: "checkout",
        name: "Checkout",
        slots: [
          { key: "po", role: "PO", holder: "ada", allocation: 1 },
          { key: "tech-lead", role: "Tech lead", title: 'The "lead"', holder: null, allocation: 1 },
        ],
        assignments: [
          { duty: "vision", slot: "po", level: "accountable" },
          { duty: "pricing", slot: "tech-lead", level: "consulted" },
        ],
      },
      { key: "empty", name: "Empty", slots: [], assignments: [] },
    ],
  };

  it("writes a header and one row per assignment, with CRLF line endings", () => {
    expect(mapDocumentToCsv(document).split("\r\n")).toEqual([
      MAP_CSV_COLUMNS.join(","),
      "Checkout,checkout,Product vision,vision,PO,,po,'=Ada,ada,accountable",
      'Checkout,checkout,"Pricing, packaging",pricing,Tech lead,"The ""lead""",tech-lead,,,consulted',
      "",
    ]);
  });

  it("writes only the header for a map without assignments", () => {
    expect(mapDocumentToCsv({ format: MAP_FORMAT, duties: [], people: [], teams: [] })).toBe(
      `${MAP_CSV_COLUMNS.join(",")}\r\n`,
    );
  });
});
