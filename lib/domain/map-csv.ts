import type { TMapDocument } from "./map-format";
import { isRaciLevel, RACI_LEVELS, type TRaciLevel } from "./model";

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

export type TMapCsvProblem = { path: string; message: string };

/**
 * The document with the assignments and holders a CSV from `mapDocumentToCsv` names (edited or not): for each team
 * it lists, its assignments become the rows' (a row deleted clears that cell), and each slot a row names takes the
 * row's holder (empty: vacant). Names are for people to read and are not read back; keys say what is what. Teams the
 * CSV does not list keep their assignments. Every problem is named by its line and column (`line 7, Level`).
 */
export function applyMapCsv(
  document: TMapDocument,
  rows: readonly string[][],
): { ok: true; document: TMapDocument } | { ok: false; problems: TMapCsvProblem[] } {
  const problems: TMapCsvProblem[] = [];
  const header = (rows[0] ?? []).map((cell) => cell.replace(/^\uFEFF/, "").trim());
  if (MAP_CSV_COLUMNS.some((column, index) => header[index] !== column)) {
    return {
      ok: false,
      problems: [{ path: "line 1", message: `The first line must be the headings ${MAP_CSV_COLUMNS.join(", ")}.` }],
    };
  }
  const column = (name: (typeof MAP_CSV_COLUMNS)[number]) => MAP_CSV_COLUMNS.indexOf(name);
  const teams = new Map(document.teams.map((team) => [team.key, team]));
  const duties = new Set(document.duties.map((duty) => duty.key));
  const people = new Set(document.people.map((person) => person.key));
  const cells = new Map<string, { duty: string; slot: string; level: TRaciLevel }[]>();
  const holders = new Map<string, { holder: string | null; line: number }>();
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === "")) return;
    const value = (name: (typeof MAP_CSV_COLUMNS)[number]) => (row[column(name)] ?? "").trim();
    const problem = (name: string, message: string) => problems.push({ path: `line ${line}, ${name}`, message });
    const team = teams.get(value("Team key"));
    if (!team) return problem("Team key", `There is no team "${value("Team key").slice(0, 60)}".`);
    if (!duties.has(value("Duty key")))
      return problem("Duty key", `There is no duty "${value("Duty key").slice(0, 60)}".`);
    const slot = team.slots.find((candidate) => candidate.key === value("Slot key"));
    if (!slot) return problem("Slot key", `${team.name} has no slot "${value("Slot key").slice(0, 60)}".`);
    const level = value("Level");
    if (!isRaciLevel(level))
      return problem("Level", `"${level.slice(0, 40)}" is not a level: ${RACI_LEVELS.join(", ")}.`);
    const holder = value("Holder key") || null;
    if (holder !== null && !people.has(holder))
      return problem("Holder key", `There is no person "${holder.slice(0, 60)}".`);
    const slotRef = `${team.key} ${slot.key}`;
    const earlier = holders.get(slotRef);
    if (earlier && earlier.holder !== holder) {
      return problem("Holder key", `Line ${earlier.line} gives this slot another holder; give it one.`);
    }
    holders.set(slotRef, { holder, line });
    const list = cells.get(team.key) ?? [];
    if (list.some((cell) => cell.duty === value("Duty key") && cell.slot === slot.key)) {
      return problem("Level", "An earlier line sets this cell already; keep one line per cell.");
    }
    list.push({ duty: value("Duty key"), slot: slot.key, level });
    cells.set(team.key, list);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    document: {
      ...document,
      teams: document.teams.map((team) =>
        cells.has(team.key)
          ? {
              ...team,
              slots: team.slots.map((slot) => {
                const named = holders.get(`${team.key} ${slot.key}`);
                return named ? { ...slot, holder: named.holder } : slot;
              }),
              assignments: cells.get(team.key)!,
            }
          : team,
      ),
    },
  };
}
