import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TMapDocument } from "@/lib/domain/map-format";
import { DEFAULT_RULES } from "@/lib/domain/rules";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";

const MAP = "/api/v1/orgs/[orgSlug]/map";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type TGrid = { name: string; rows: unknown[][] }[];

/** Every sheet's cells as exceljs reads them back (values, formulas as objects). */
async function cellsOf(bytes: Uint8Array): Promise<TGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  });
}

async function importDocument(world: TMapWorld, document: TMapDocument) {
  const answer = await callApi(`PUT ${MAP}`, {
    params: { orgSlug: world.org.slug },
    body: document,
    as: world.as.editor,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

const exportWorkbook = async (world: TMapWorld) => {
  const answer = await callApi<Uint8Array>(`GET ${MAP}.xlsx`, {
    params: { orgSlug: world.org.slug },
    as: world.as.viewer,
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe(XLSX);
  return answer.body;
};

const importWorkbook = (world: TMapWorld, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  callApi<{ imported: Record<string, number> }>(`PUT ${MAP}`, {
    params: { orgSlug: world.org.slug },
    body: bytes,
    headers: { "content-type": XLSX, ...headers },
    as: world.as.editor,
  });

const exportDocument = async (world: TMapWorld) =>
  (await callApi<TMapDocument>(`GET ${MAP}`, { params: { orgSlug: world.org.slug }, as: world.as.viewer })).body;

describe("the map as a workbook", () => {
  it("round-trips a generated map of 100 teams exactly: export, import, export gives the same cells", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 100, seed: 26 }), DEFAULT_RULES));
    const document = await exportDocument(world);
    const first = await exportWorkbook(world);
    const firstCells = await cellsOf(first);
    expect(firstCells).toHaveLength(100 + 6);

    const imported = await importWorkbook(world, first);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.imported.teams).toBe(100);
    expect(await exportDocument(world)).toEqual(document);
    expect(await cellsOf(await exportWorkbook(world))).toEqual(firstCells);
  }, 120_000);

  it("writes levels as dropdowns and flags beside them, and text a spreadsheet would run as text", async () => {
    const world = await createMapWorld();
    const document = mapToDocument(generateMap({ teams: 2, seed: 4 }));
    document.teams[0]!.name = '=HYPERLINK("http://example.test","click")';
    document.teams[1]!.description = "+1 -1 @me";
    await importDocument(world, document);
    const bytes = await exportWorkbook(world);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets.find((candidate) => candidate.getCell("B1").value === document.teams[0]!.key)!;
    expect(sheet.getCell("D1").value).toBe('=HYPERLINK("http://example.test","click")');
    expect(sheet.getCell("D1").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("C4").dataValidation).toMatchObject({ type: "list", formulae: ['"A,R,C,I"'] });
    expect(sheet.getRow(2).values).toContain("Flags");
    const teams = workbook.getWorksheet("Teams")!;
    expect(teams.getCell("C3").value).toBe("+1 -1 @me");
    expect(teams.getCell("C3").type).toBe(ExcelJS.ValueType.String);
    // Nothing in the workbook is a formula.
    for (const each of workbook.worksheets) {
      each.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it("imports a level edited on a team's sheet, and names every cell it cannot read, importing nothing", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 3, seed: 9 })));
    const before = await exportDocument(world);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exportWorkbook(world)) as never);
    const sheet = workbook.worksheets[0]!;
    const teamKey = String(sheet.getCell("B1").value);
    const dutyKey = String(sheet.getCell("A4").value);
    const slotKey = String(sheet.getCell("C3").value);

    sheet.getCell("C4").value = "maybe";
    workbook.getWorksheet("People")!.getCell("D2").value = "lots";
    const refused = await importWorkbook(world, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(refused.status).toBe(400);
    const fields = (refused.body as unknown as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["'People'!D2", `'${sheet.name}'!C4`]));
    expect(fields[`'${sheet.name}'!C4`]).toEqual(['"maybe" is not a level: choose A, R, C, I or leave it blank.']);
    expect(await exportDocument(world)).toEqual(before);

    sheet.getCell("C4").value = "i";
    workbook.getWorksheet("People")!.getCell("D2").value = 1;
    workbook.removeWorksheet(workbook.getWorksheet("Assignments")!.id);
    const edited = await importWorkbook(world, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await exportDocument(world);
    expect(after.teams.find((team) => team.key === teamKey)!.assignments).toContainEqual({
      duty: dutyKey,
      slot: slotKey,
      level: "informed",
    });
  });

  it("names a problem of the map it holds by the cell it was read from, as the spreadsheet's user looks for it", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 2, seed: 12 })));
    const before = await exportDocument(world);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exportWorkbook(world)) as never);
    const people = workbook.getWorksheet("People")!;
    people.getCell("A3").value = people.getCell("A2").value;
    workbook.getWorksheet("Slots")!.getCell("E4").value = "nobody-at-all";
    workbook.getWorksheet("Duties")!.getCell("B3").value = "";
    const sheet = workbook.worksheets[1]!;
    sheet.getCell("A5").value = "no-such-duty";
    workbook.removeWorksheet(workbook.getWorksheet("Assignments")!.id);

    const refused = await importWorkbook(world, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(refused.status).toBe(400);
    const { message, fields } = (
      refused.body as unknown as { error: { message: string; fields: Record<string, string[]> } }
    ).error;
    expect(message).toMatch(/under its cell/);
    expect(Object.keys(fields).sort()).toEqual(
      ["'People'!A3", "'Slots'!E4", "'Duties'!B3", `'${sheet.name}'!A5`].sort(),
    );
    expect(fields["'Slots'!E4"]!.join(" ")).toMatch(/nobody-at-all/);
    expect(await exportDocument(world)).toEqual(before);
  });

  it("honours If-Match, and refuses a file that is no workbook", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 1, seed: 1 })));
    const bytes = await exportWorkbook(world);
    const stale = await importWorkbook(world, bytes, { "if-match": '"0123456789abcdef"' });
    expect(stale.status).toBe(412);
    const broken = await importWorkbook(world, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]));
    expect(broken.status).toBe(400);
    expect((broken.body as unknown as { error: { fields: object } }).error.fields).toHaveProperty("workbook");
  });
});

const exportCsv = async (world: TMapWorld) => {
  const answer = await callApi<string>(`GET ${MAP}.csv`, { params: { orgSlug: world.org.slug }, as: world.as.viewer });
  expect(answer.status).toBe(200);
  return answer.body;
};

const importCsv = (world: TMapWorld, csv: string) =>
  callApi<{ imported: Record<string, number> }>(`PUT ${MAP}`, {
    params: { orgSlug: world.org.slug },
    body: new TextEncoder().encode(csv),
    headers: { "content-type": "text/csv; charset=utf-8" },
    as: world.as.editor,
  });

describe("the map's CSV, imported", () => {
  it("round-trips a generated map of 100 teams exactly: export, import, export gives the same file", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 100, seed: 27 }), DEFAULT_RULES));
    const document = await exportDocument(world);
    const csv = await exportCsv(world);
    const imported = await importCsv(world, csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(await exportCsv(world)).toBe(csv);
    expect(await exportDocument(world)).toEqual(document);
  }, 120_000);

  it("changes the levels and holders its lines name, clears a deleted line's cell, and names each bad line", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 2, seed: 8 })));
    const before = await exportDocument(world);
    const [header, first, second, ...rest] = (await exportCsv(world)).trimEnd().split("\r\n");
    const fields = first!.split(",");
    const [teamKey, dutyKey, slotKey] = [fields[1]!, fields[3]!, fields[6]!];
    const level = fields[9] === "informed" ? "consulted" : "informed";
    const person = before.people.find((candidate) => candidate.key !== fields[8])!;

    const bad = [header, `${fields.slice(0, 9).join(",")},maybe`, second, ...rest].join("\r\n");
    const refused = await importCsv(world, bad);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as { error: { fields: object } }).error.fields).toEqual({
      "line 2, Level": ['"maybe" is not a level: accountable, responsible, consulted, informed.'],
    });
    expect(await exportDocument(world)).toEqual(before);

    // The slot's holder changes on every line of the slot; the second line is deleted.
    const withHolder = (line: string) => {
      const cells = line.split(",");
      return cells[1] === teamKey && cells[6] === slotKey
        ? [...cells.slice(0, 7), person.name, person.key, cells[9]].join(",")
        : line;
    };
    const changed = [...fields.slice(0, 7), person.name, person.key, level].join(",");
    const edited = [header, changed, ...rest.map(withHolder)].join("\r\n");
    const answer = await importCsv(world, edited);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const after = await exportDocument(world);
    const team = after.teams.find((candidate) => candidate.key === teamKey)!;
    expect(team.assignments).toContainEqual({ duty: dutyKey, slot: slotKey, level });
    expect(team.slots.find((slot) => slot.key === slotKey)!.holder).toBe(person.key);
    const secondFields = second!.split(",");
    expect(
      after.teams
        .find((candidate) => candidate.key === secondFields[1])!
        .assignments.some((cell) => cell.duty === secondFields[3] && cell.slot === secondFields[6]),
    ).toBe(false);
  });
});

describe("hostile spreadsheets sent to PUT map", () => {
  it("answers each with a 400 that says what is wrong, and changes nothing", async () => {
    const world = await createMapWorld();
    await importDocument(world, mapToDocument(generateMap({ teams: 2, seed: 3 })));
    const before = await exportDocument(world);
    const header = "Team,Team key,Duty,Duty key,Slot role,Slot title,Slot key,Holder,Holder key,Level";
    const bodies: [string, string | Uint8Array][] = [
      [XLSX, new Uint8Array([0, 1, 2, 3])],
      [XLSX, new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(200).fill(7)])],
      [XLSX, new Uint8Array()],
      ["text/csv", ""],
      ["text/csv", "not,the,right,header\r\n"],
      ["text/csv", `${header}\r\n=cmd|' /C calc'!A0,"=1+1",x,y,z,,,,,accountable\r\n`],
      ["text/csv", `${header}\r\n${"\u0000".repeat(10)}\r\n`],
      ["text/csv", `${header}\r\n${'"'.repeat(5_000)}\r\n`],
    ];
    for (const [type, body] of bodies) {
      const answer = await callApi(`PUT ${MAP}`, {
        params: { orgSlug: world.org.slug },
        body: typeof body === "string" ? new TextEncoder().encode(body) : body,
        headers: { "content-type": type },
        as: world.as.editor,
      });
      const what = `${type} ${String(body).slice(0, 60)}: ${JSON.stringify(answer.body).slice(0, 300)}`;
      expect(answer.status, what).toBe(400);
      expect(answer.body.error.message.length, what).toBeGreaterThan(10);
    }
    expect(await exportDocument(world)).toEqual(before);
  });
});
