import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { analyzeMap } from "@/lib/domain/analyze-map";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";

const REPORT = "GET /api/v1/orgs/[orgSlug]/report.pdf";

/** The PDF's text, page by page, as a reader would select it (white space collapsed). */
async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({
    data: pdf,
    isEvalSupported: false,
    standardFontDataUrl: path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/"),
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join(" ").replace(/\s+/g, " ");
}

/** The report's text, of a new organisation whose map is `map`. */
async function reportTextOf(map: ReturnType<typeof generateMap>): Promise<string> {
  const world = await createMapWorld();
  const imported = await callApi(`PUT /api/v1/orgs/[orgSlug]/map`, {
    params: { orgSlug: world.org.slug },
    body: mapToDocument(map),
    as: world.as.editor,
  });
  expect(imported.status).toBe(200);
  const answer = await callApi<Uint8Array>(REPORT, { params: { orgSlug: world.org.slug }, as: world.as.viewer });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/pdf");
  // REPORT_PDF_OUT=file keeps the PDF to look at (before pdf.js takes its bytes over).
  if (process.env.REPORT_PDF_OUT) (await import("node:fs")).writeFileSync(process.env.REPORT_PDF_OUT, answer.body);
  return textOf(answer.body);
}

describe("the report", () => {
  it("is a PDF of real text naming every team that needs attention, with its flags in words", async () => {
    const map = generateMap({ teams: 30, seed: 11 });
    const text = await reportTextOf(map);
    const analysis = analyzeMap(map);
    const needing = analysis.teams.filter((team) => team.flags.some((flag) => flag.severity !== "info"));
    expect(needing.length).toBeGreaterThan(3);
    expect(text).toContain(`Teams that need attention (${needing.length})`);
    for (const entry of needing) {
      const team = map.teams.find((candidate) => candidate.id === entry.team.id)!;
      expect(text).toContain(`${team.name}: health ${entry.score}`);
    }
    const flag = needing[0]!.flags.find((candidate) => candidate.severity === "error")!;
    expect(text).toContain(flag.message.slice(0, 40));
    expect(text).toContain("Heatmap: who is accountable, team by duty");
  }, 60_000);

  it("prints names in Greek, Cyrillic and other scripts as real text, not question marks", async () => {
    const map = generateMap({ teams: 6, seed: 11 });
    const needing = analyzeMap(map).teams.filter((team) => team.flags.some((flag) => flag.severity !== "info"));
    const names = ["Ομάδα πληρωμών", "Команда оплаты", "Ödeme ekibi ŞĞİ", "צוות תשלומים"];
    expect(needing.length).toBeGreaterThanOrEqual(names.length);
    names.forEach((name, index) => (map.teams.find((team) => team.id === needing[index]!.team.id)!.name = name));
    const text = await reportTextOf(map);
    for (const name of names.slice(0, 3)) expect(text).toContain(`${name}: health`);
    // Right-to-left text comes out of pdf.js in the order it was drawn; its letters are there all the same.
    for (const word of names[3]!.split(" "))
      expect(text).toMatch(new RegExp(`${word}|${[...word].reverse().join("")}`));
    expect(text).not.toMatch(/\?{2,}/);
  }, 60_000);

  it("at a draft's address, says what the draft changes and which flags it resolves", async () => {
    const world = await createMapWorld();
    await callApi(`PUT /api/v1/orgs/[orgSlug]/map`, {
      params: { orgSlug: world.org.slug },
      body: mapToDocument(generateMap({ teams: 3, seed: 12 })),
      as: world.as.editor,
    });
    const made = await callApi<{ draft: { id: string; slug: string } }>(`POST /api/v1/orgs/[orgSlug]/drafts`, {
      params: { orgSlug: world.org.slug },
      body: { name: "Tidy up" },
      as: world.as.editor,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const slug = made.body.draft.slug;
    const teams = await callApi<{ teams: { id: string; name: string }[] }>(`GET /api/v1/orgs/[orgSlug]/teams`, {
      params: { orgSlug: slug },
      as: world.as.editor,
    });
    const removed = teams.body.teams[0]!;
    const deleted = await callApi(`DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]`, {
      params: { orgSlug: slug, teamId: removed.id },
      as: world.as.editor,
    });
    expect(deleted.status).toBe(200);
    const answer = await callApi<Uint8Array>(REPORT, { params: { orgSlug: slug }, as: world.as.viewer });
    expect(answer.status).toBe(200);
    const text = await textOf(answer.body);
    expect(text).toContain('The draft "Tidy up" against Map Org');
    expect(text).toContain(`${removed.name}: `);
    expect(text).toMatch(/Flags it resolves \(\d+\)/);
  }, 60_000);
});
