import type { TMapDocument } from "./map-format";

export const MAP_CSV_COLUMNS = [
  "Team",
  "Team key",
  "Duty",
  "Duty key",
  "Slot role",
  "Slot title",
  "Slot key",
  "Holder",
  "Holder key",
  "Level",
] as const;

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: text that a spreadsheet could take for a formula gets a leading apostrophe, and a field with a
 * comma, quote or line break is quoted with its quotes doubled (RFC 4180).
 */
export function csvField(value: string | null): string {
  if (value === null || value === "") return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One row per assignment of a remit.map/v1 document, for spreadsheets: team, duty, slot (role, title, key), holder
 * (empty for a vacant slot) and level, with a header row, in the document's order (teams by key, then duties in
 * catalogue order, then slots in team order). CRLF line endings, as RFC 4180 and spreadsheets expect.
 */
export function mapDocumentToCsv(document: TMapDocument): string {
  const dutyByKey = new Map(document.duties.map((duty) => [duty.key, duty]));
  const personByKey = new Map(document.people.map((person) => [person.key, person]));
  const lines = [MAP_CSV_COLUMNS.map(csvField).join(",")];
  for (const team of document.teams) {
    const slotByKey = new Map(team.slots.map((slot) => [slot.key, slot]));
    for (const assignment of team.assignments) {
      const slot = slotByKey.get(assignment.slot);
      const holder = slot?.holder ? personByKey.get(slot.holder) : undefined;
      const row = [
        team.name,
        team.key,
        dutyByKey.get(assignment.duty)?.name ?? assignment.duty,
        assignment.duty,
        slot?.role ?? null,
        slot?.title ?? null,
        assignment.slot,
        holder?.name ?? null,
        holder?.key ?? null,
        assignment.level,
      ];
      lines.push(row.map(csvField).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
