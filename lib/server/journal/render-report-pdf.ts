import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { TCellState } from "@/lib/domain/overview";
import type { TReport } from "@/lib/domain/report";

const COLOURS: Record<TCellState, string> = {
  owned: "#16a34a",
  unowned: "#dc2626",
  shared: "#f59e0b",
  vacant_owner: "#ea580c",
  optional_unowned: "#e2e8f0",
};
const STATE_WORDS: Record<TCellState, string> = {
  owned: "one accountable slot",
  unowned: "required, nobody accountable",
  shared: "more than one accountable",
  vacant_owner: "accountable slot vacant",
  optional_unowned: "optional, nobody accountable",
};

/**
 * DejaVu Sans, embedded (only the glyphs used): unlike the standard PDF fonts, which draw Western European text
 * only, it draws Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and many more, so names print as they are.
 * Read from the package's folder at run time (the project's root is the server's working directory), as pdfkit
 * reads its own font metrics.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

/** Text without control characters, which no font draws. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

/** The report as a PDF of real text (searchable, selectable): a few A4 pages in DejaVu Sans. */
export async function renderReportPdf(report: TReport): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: { Title: printable(report.title), Creator: "Remit", CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont("regular", path.join(FONT_DIR, FONTS.regular));
  doc.registerFont("bold", path.join(FONT_DIR, FONTS.bold));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const width = doc.page.width - 96;
  const heading = (text: string) => doc.moveDown(1).font("bold").fontSize(15).text(printable(text)).moveDown(0.3);
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font("regular").fontSize(10).text(printable(text), options);

  doc.font("bold").fontSize(20).text(printable(report.title));
  body(`Made ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC by Remit.`);

  heading("Health");
  const { score, counts, trend } = report.health;
  body(
    `Score ${score === null ? "none (no teams)" : `${score} out of 100`}: ` +
      `${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes.`,
  );
  const scored = trend.filter((point) => point.score !== null) as { day: string; score: number }[];
  if (scored.length > 1) {
    const first = scored[0]!;
    const last = scored.at(-1)!;
    const change = last.score - first.score;
    body(
      `Trend: ${first.score} on ${first.day}, ${last.score} on ${last.day} ` +
        `(${change === 0 ? "no change" : change > 0 ? `up ${change}` : `down ${-change}`}).`,
    );
    const top = doc.y + 6;
    const height = 60;
    doc.rect(48, top, width, height).strokeColor("#cbd5e1").stroke();
    const step = width / (scored.length - 1);
    scored.forEach((point, index) => {
      const x = 48 + index * step;
      const y = top + height - (point.score / 100) * height;
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.strokeColor("#4f46e5").lineWidth(1.5).stroke().lineWidth(1);
    doc.y = top + height + 6;
    doc.x = 48;
  } else body("Trend: not enough days recorded yet.");

  if (report.draft) {
    const draft = report.draft;
    heading(`The draft "${draft.name}" against ${draft.liveName}`);
    body(`Health ${draft.score.before ?? "none"} now, ${draft.score.after ?? "none"} with the draft.`);
    body(draft.changes.length === 0 ? "It changes nothing." : `What it changes (${draft.changes.length}):`);
    for (const change of draft.changes) body(`• ${change}`, { indent: 10 });
    body(`Flags it resolves (${draft.resolved.length}):`);
    for (const message of draft.resolved) body(`• ${message}`, { indent: 10 });
    body(`Flags it introduces (${draft.introduced.length}):`);
    for (const message of draft.introduced) body(`• ${message}`, { indent: 10 });
  }

  heading(`Teams that need attention (${report.attention.length})`);
  if (report.attention.length === 0) body("None: no team has an error or a warning.");
  for (const team of report.attention) {
    doc
      .moveDown(0.4)
      .font("bold")
      .fontSize(11)
      .text(printable(`${team.team}: health ${team.score}`));
    for (const flag of team.flags)
      body(`• ${flag.severity === "error" ? "Error" : "Warning"}: ${flag.message}`, { indent: 10 });
  }

  doc.addPage();
  heading("Heatmap: who is accountable, team by duty");
  (Object.keys(COLOURS) as TCellState[]).forEach((state) => {
    const y = doc.y;
    doc
      .rect(48, y + 1, 8, 8)
      .fillColor(COLOURS[state])
      .fill();
    doc.fillColor("black");
    body(STATE_WORDS[state], { indent: 14 });
  });
  doc.moveDown(0.5);
  const duties = report.heatmap.duties;
  body(`Columns: ${duties.map((name, index) => `${index + 1} ${name}`).join("; ")}.`);
  doc.moveDown(0.5);
  const nameWidth = 150;
  const cell = Math.max(4, Math.min(14, (width - nameWidth) / Math.max(1, duties.length)));
  // The duties' numbers above their columns.
  const numbersAt = doc.y;
  duties.forEach((_, index) => {
    doc
      .font("regular")
      .fontSize(6)
      .text(String(index + 1), 48 + nameWidth + index * cell, numbersAt, {
        width: cell,
        align: "center",
        lineBreak: false,
      });
  });
  doc.x = 48;
  doc.y = numbersAt + 10;
  for (const row of report.heatmap.rows) {
    if (doc.y + cell + 4 > doc.page.height - 48) doc.addPage();
    const y = doc.y;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("black")
      .text(printable(`${row.team} (${row.score})`), 48, y, {
        width: nameWidth - 6,
        height: cell,
        ellipsis: true,
        lineBreak: false,
      });
    row.cells.forEach((state, index) => {
      doc
        .rect(48 + nameWidth + index * cell, y, cell - 1, cell - 1)
        .fillColor(COLOURS[state])
        .fill();
    });
    doc.fillColor("black");
    doc.x = 48;
    doc.y = y + cell + 1;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
