import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { sortedMap } from "@/lib/server/testing/sorted-map";
import { createAssignment, createTeam } from "@/prisma/factories";
import type { TRaciImportResult } from "./import-raci-sheet";

const RACI_IMPORT = "POST /api/v1/orgs/[orgSlug]/teams/[teamId]/raci-import";
const JOURNAL = "GET /api/v1/orgs/[orgSlug]/journal";
const UNDO = "POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo";
const STATE = "GET /api/v1/orgs/[orgSlug]/state";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A sheet as people keep them: a title, a legend, then the header; one misspelt duty, an "A/R" cell, a role the
// team has no slot for, and a duty the catalogue lacks.
const CSV = [
  "Checkout RACI,,,",
  '"Legend: R = Responsible, A = Accountable",C = Consulted,I = Informed,',
  ",,,",
  "Duty,Product Owner,PM,Designer",
  "Product vison,A/R,C,",
  "Roadmap prioritisation, r ,A,I",
  "Accessibility reviews,,R,A",
].join("\r\n");

function form(file: BlobPart, options?: unknown, type = "text/csv", name = "raci.csv"): FormData {
  const body = new FormData();
  body.set("file", new Blob([file], { type }), name);
  if (options !== undefined) body.set("options", JSON.stringify(options));
  return body;
}

async function teamWorld() {
  const world = await createMapWorld();
  const team = await createTeam(db, { organizationId: world.org.id, name: "Checkout" });
  return { world, team, po: team.slots[0]!, pm: team.slots[1]! };
}

const importSheet = (world: TMapWorld, teamId: string, body: FormData, as = world.as.editor) =>
  callApi<TRaciImportResult>(RACI_IMPORT, { params: { orgSlug: world.org.slug, teamId }, body, as });

async function mapOf(world: TMapWorld): Promise<TRemitMap> {
  const answer = await callApi<{ map: TRemitMap }>(STATE, { params: { orgSlug: world.org.slug }, as: world.as.viewer });
  expect(answer.status).toBe(200);
  return sortedMap(answer.body.map);
}

describe("importing a RACI sheet into a team", () => {
  it("previews without writing, then applies the user's choices as one undoable action", async () => {
    const { world, team, po, pm } = await teamWorld();
    const vision = await db.duty.findFirstOrThrow({ where: { organizationId: world.org.id, name: "Product vision" } });
    // A level the sheet changes: informed becomes consulted.
    await createAssignment(db, { organizationId: world.org.id, slotId: pm.id, dutyId: vision.id, level: "informed" });
    const before = await mapOf(world);

    const preview = await importSheet(world, team.id, form(CSV));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const { preview: plan, applied } = preview.body;
    expect(applied).toBeNull();
    expect(plan.headerRow).toBe(4);
    expect(plan.columns.map((column) => column.choice)).toEqual([{ slotId: po.id }, { slotId: pm.id }, "new"]);
    const misspelt = plan.rows.find((row) => row.name === "Product vison")!;
    expect(misspelt.exactDutyId).toBeNull();
    expect(misspelt.proposals[0]?.dutyId).toBe(vision.id);
    expect(plan.rows.find((row) => row.name === "Accessibility reviews")?.choice).toBe("new");
    expect(plan.problems).toEqual([
      expect.objectContaining({ severity: "warning", row: 5, column: "B", message: expect.stringContaining("A/R") }),
    ]);
    expect(plan.changes).toContainEqual(
      expect.objectContaining({ row: 5, column: "B", dutyId: vision.id, slotId: po.id, after: "accountable" }),
    );
    expect(plan.changes).toContainEqual(
      expect.objectContaining({ row: 5, column: "C", slotId: pm.id, before: "informed", after: "consulted" }),
    );
    expect(plan.flags.resolved.length).toBeGreaterThan(0);
    expect(plan.canApply).toBe(true);
    expect(await mapOf(world)).toEqual(before);

    // The user skips the Designer column and the new duty.
    const choices = { columns: { D: "skip" }, rows: { "7": "skip" }, apply: true };
    const done = await importSheet(world, team.id, form(CSV, choices));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.applied).toMatchObject({ slots: 0, duties: 0, cells: 4 });
    const after = await mapOf(world);
    const cells = after.assignments.filter((cell) => cell.teamId === team.id);
    expect(cells.map(({ dutyId, slotId, level }) => ({ dutyId, slotId, level }))).toEqual(
      expect.arrayContaining([
        { dutyId: vision.id, slotId: po.id, level: "accountable" },
        { dutyId: vision.id, slotId: pm.id, level: "consulted" },
      ]),
    );
    expect(cells).toHaveLength(4);
    expect(after.slots.length).toBe(before.slots.length);
    expect(after.duties.length).toBe(before.duties.length);

    const page = await callApi<TJournalPage>(JOURNAL, { params: { orgSlug: world.org.slug }, as: world.as.viewer });
    const group = page.body.groups[0]!;
    expect(group.action).toBe("team.raci-import");
    expect(group.groupId).toBe(done.body.applied!.groupId);
    expect(group.sentence).toBe("Edith Editor imported a RACI sheet in “Checkout”: 4 changes");
    const undone = await callApi<{ group: TJournalGroupView }>(UNDO, {
      params: { orgSlug: world.org.slug, entryId: String(group.entries[0]!.seq) },
      as: world.as.editor,
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const restored = await mapOf(world);
    expect(restored.assignments.filter((cell) => cell.teamId === team.id)).toEqual([
      expect.objectContaining({ dutyId: vision.id, slotId: pm.id, level: "informed" }),
    ]);
  });

  it("adds the new slots and duties it is told to, and undo takes them away again", async () => {
    const { world, team } = await teamWorld();
    const before = await mapOf(world);
    const done = await importSheet(world, team.id, form(CSV, { apply: true }));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.applied).toMatchObject({ slots: 1, duties: 1 });
    const after = await mapOf(world);
    const designer = after.slots.find((slot) => slot.teamId === team.id && slot.role === "Designer");
    expect(designer).toMatchObject({ key: "designer", holderId: null });
    expect(after.duties.find((duty) => duty.name === "Accessibility reviews")).toMatchObject({
      key: "accessibility-reviews",
      required: false,
    });
    const page = await callApi<TJournalPage>(JOURNAL, { params: { orgSlug: world.org.slug }, as: world.as.viewer });
    const undone = await callApi(UNDO, {
      params: { orgSlug: world.org.slug, entryId: String(page.body.groups[0]!.entries[0]!.seq) },
      as: world.as.editor,
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const restored = await mapOf(world);
    expect(restored.slots.map((slot) => slot.id)).toEqual(before.slots.map((slot) => slot.id));
    expect(restored.duties.map((duty) => duty.id)).toEqual(before.duties.map((duty) => duty.id));
  });

  it("writes nothing when the team changed since the preview the user confirmed (409)", async () => {
    const { world, team, po } = await teamWorld();
    const preview = await importSheet(world, team.id, form(CSV));
    expect(preview.status).toBe(200);
    const vision = await db.duty.findFirstOrThrow({ where: { organizationId: world.org.id, name: "Product vision" } });
    // Someone else sets a cell the sheet sets too, after the preview was drawn.
    const set = await callApi("PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments", {
      params: { orgSlug: world.org.slug, teamId: team.id },
      body: { dutyId: vision.id, slotId: po.id, level: "accountable" },
      as: world.as.editor,
    });
    expect(set.status).toBe(200);
    const before = await mapOf(world);
    const stale = await importSheet(
      world,
      team.id,
      form(CSV, { apply: true, expect: preview.body.preview.fingerprint }),
    );
    expect(stale.status).toBe(409);
    expect(await mapOf(world)).toEqual(before);
    const again = await importSheet(world, team.id, form(CSV));
    const fresh = await importSheet(world, team.id, form(CSV, { apply: true, expect: again.body.preview.fingerprint }));
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
  });

  it("reads a workbook's chosen sheet, formulas as their text, never their result", async () => {
    const { world, team } = await teamWorld();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Cover").addRow(["Our responsibilities"]);
    const sheet = workbook.addWorksheet("Checkout");
    sheet.addRow(["Duty", "PO", "PM"]);
    sheet.addRow(["Product vision", "A", "R"]);
    sheet.addRow(["Market research", { formula: 'IF(1=1,"R","A")', result: "R" }, "C"]);
    const bytes = await workbook.xlsx.writeBuffer();
    const preview = await importSheet(world, team.id, form(bytes as ArrayBuffer, undefined, XLSX, "raci.xlsx"));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.preview.sheet).toBe("Checkout");
    expect(preview.body.preview.sheets).toEqual(["Cover", "Checkout"]);
    expect(preview.body.preview.problems).toEqual([
      expect.objectContaining({ severity: "error", row: 3, column: "B", message: expect.stringContaining('"=IF(1=1') }),
    ]);
    const refused = await importSheet(world, team.id, form(bytes as ArrayBuffer, { apply: true }, XLSX, "raci.xlsx"));
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as unknown as { error: { fields: object } }).error.fields)).toEqual(["B3"]);
    const chosen = await importSheet(world, team.id, form(bytes as ArrayBuffer, { sheet: "Cover" }, XLSX, "raci.xlsx"));
    expect(chosen.status).toBe(400);
  });

  it.each([
    ["a file that is not a spreadsheet", new Uint8Array([0, 159, 146, 150, 255, 0, 1]), /neither an Excel workbook/],
    ["an old .xls file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Excel file/],
    ["a broken workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /not a readable Excel workbook/],
    ["an empty file", "", /The file is empty/],
    ["an empty sheet", ",,\r\n,,\r\n", /is empty/],
    ["a sheet with no header", "a,b\r\nc,d\r\n", /No header found/],
    ["duplicate columns", "Duty,PO,PO\r\nProduct vision,A,R\r\n", /Columns B and C .* are both headed "PO"/],
    [
      "10,000 rows",
      ["Duty,PO", ...Array.from({ length: 9_999 }, (_, index) => `Duty ${index},R`)].join("\n"),
      /has 10,000 rows/,
    ],
  ])("refuses %s with 400 and a clear message, writing nothing", async (_, file, message) => {
    const { world, team } = await teamWorld();
    const before = await mapOf(world);
    for (const apply of [false, true]) {
      const answer = await importSheet(world, team.id, form(file as BlobPart, { apply }));
      expect(answer.status).toBe(400);
      const error = (answer.body as unknown as { error: { message: string; fields: Record<string, string[]> } }).error;
      expect(error.message).toMatch(message);
      expect(error.fields.file?.[0]).toMatch(message);
    }
    expect(await mapOf(world)).toEqual(before);
  });

  it("refuses a body that is not a form, wrong options, and a file over the limit", async () => {
    const { world, team } = await teamWorld();
    const notForm = await callApi(RACI_IMPORT, {
      params: { orgSlug: world.org.slug, teamId: team.id },
      body: { file: CSV },
      as: world.as.editor,
    });
    expect(notForm.status).toBe(400);
    expect(notForm.body.error.message).toMatch(/multipart\/form-data/);
    const wrong = await importSheet(world, team.id, form(CSV, { columns: { b: "maybe" }, apply: "yes" }));
    expect(wrong.status).toBe(400);
    expect(Object.keys((wrong.body as unknown as { error: { fields: object } }).error.fields).sort()).toEqual([
      "options.apply",
      "options.columns.b",
    ]);
    const large = await importSheet(world, team.id, form("Duty,PO\n" + "x".repeat(5_000_001)));
    expect(large.status).toBe(400);
    expect((large.body as unknown as { error: { message: string } }).error.message).toBe(
      "The file is larger than 5 MB; a spreadsheet is smaller.",
    );
    const body = await importSheet(world, team.id, form("Duty,PO\n" + "x".repeat(6_000_000)));
    expect(body.status).toBe(413);
  });

  it("is for Managers of the organisation only", async () => {
    const { world, team } = await teamWorld();
    expect((await importSheet(world, team.id, form(CSV), world.as.viewer)).status).toBe(403);
    expect((await importSheet(world, team.id, form(CSV), world.as.stranger)).status).toBe(404);
    expect((await importSheet(world, "no-such-team", form(CSV))).status).toBe(404);
  });
});
