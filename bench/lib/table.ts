/** Tables for the terminal that are also Markdown, so that docs/benchmarks.md can quote them as printed. */

export type TCell = string | number | null | undefined;

export function formatCell(value: TCell): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "–";
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return value;
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly TCell[])[]): string {
  const cells = rows.map((row) => row.map(formatCell));
  const widths = headers.map((header, column) =>
    Math.max(header.length, 3, ...cells.map((row) => row[column]?.length ?? 0)),
  );
  const isNumeric = headers.map((_, column) => rows.every((row) => typeof row[column] !== "string"));
  const line = (values: readonly string[]) =>
    `| ${values
      .map((value, column) => (isNumeric[column] ? value.padStart(widths[column]!) : value.padEnd(widths[column]!)))
      .join(" | ")} |`;
  const rule = `| ${widths.map((width, column) => (isNumeric[column] ? `${"-".repeat(width - 1)}:` : "-".repeat(width))).join(" | ")} |`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}

/** A figure with its unit, e.g. "12.3 ms". */
export function withUnit(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : `${formatCell(value)} ${unit}`;
}

/** "1.8×" */
export function times(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : `${formatCell(value)}×`;
}

export function kib(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? "–" : `${formatCell(Math.round(bytes / 102.4) / 10)} KiB`;
}
