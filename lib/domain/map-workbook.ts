// The whole map as a workbook (GET map.xlsx, PUT map with a workbook): one readable RACI sheet per team, then the
// sheets that hold the map by key. Pure: the server writes and reads the cells with exceljs.
import type { TMapDocument } from "./map-format";
import { RACI_LEVELS, type TRaciLevel } from "./model";
import { columnLetter, LEVEL_LETTER, parseLevel, type TSheetGrid } from "./raci-sheet";

export type TWorkbookCell = string | number | boolean | null;

export type TWorkbookSheet = {
  name: string;
  rows: TWorkbookCell[][];
  /** The block of cells (1-based, inclusive) whose value is chosen from the levels' letters. */
  levels?: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };
  /** Column widths in characters. */
  widths?: number[];
};

/** A flag as the workbook shows it: beside its duty's row, or below the team's table when about no duty. */
export type TWorkbookFlag = { teamKey: string; dutyKey: string | null; message: string };

export const TEAM_SHEET_MARK = "Team key";
export const LEVEL_LETTERS = RACI_LEVELS.map((level) => LEVEL_LETTER[level]);

const KEY_SHEETS = {
  duties: { name: "Duties", header: ["Key", "Name", "Description", "Required"] },
  people: { name: "People", header: ["Key", "Name", "Email", "Capacity"] },
  teams: { name: "Teams", header: ["Key", "Name", "Description", "Group"] },
  slots: {
    name: "Slots",
    header: [
      "Team key",
      "Key",
      "Role",
      "Title",
      "Holder key",
      "Holder until",
      "Next holder key",
      "Next holder from",
      "Allocation",
    ],
  },
  assignments: { name: "Assignments", header: ["Team key", "Duty key", "Slot key", "Level"] },
  rules: { name: "Rules", header: ["Rule", "Severity", "Params (JSON)", "Exempt teams (JSON)"] },
} as const;

const RESERVED = new Set(Object.values(KEY_SHEETS).map((sheet) => sheet.name.toLowerCase()));

/** A sheet name for a team: at most 31 characters, none of []:*?/\, unique (case-insensitively), not a key sheet's. */
function teamSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Team";
  for (let index = 1; ; index++) {
    const suffix = index === 1 ? "" : ` (${index})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase()) && !RESERVED.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

const orNull = (value: string | null | undefined) => value ?? null;

/**
 * The workbook of a map document: a RACI sheet per team (row 1 the team's key and name; row 2 the duties' heading, a
 * label per slot and "Flags"; row 3 the slots' keys; then one row per duty: its key, its name, a letter per slot and
 * its flags), then Duties, People, Teams, Slots, Assignments and Rules with every field by key. Cells are values,
 * never formulas: text that starts with "=" stays text.
 */
export function documentToWorkbook(document: TMapDocument, flags: readonly TWorkbookFlag[] = []): TWorkbookSheet[] {
  const personName = new Map(document.people.map((person) => [person.key, person.name]));
  const taken = new Set<string>();
  const teamSheets = document.teams.map((team): TWorkbookSheet => {
    const levels = new Map(team.assignments.map((cell) => [`${cell.duty} ${cell.slot}`, cell.level]));
    const teamFlags = flags.filter((flag) => flag.teamKey === team.key);
    const labels = team.slots.map((slot) => {
      const role = slot.title ? `${slot.role} (${slot.title})` : slot.role;
      return `${role}: ${slot.holder ? (personName.get(slot.holder) ?? slot.holder) : "vacant"}`;
    });
    const rows: TWorkbookCell[][] = [
      [TEAM_SHEET_MARK, team.key, "Team", team.name],
      ["Duty key", "Duty", ...labels, "Flags"],
      ["", "Slot key", ...team.slots.map((slot) => slot.key), ""],
      ...document.duties.map((duty) => [
        duty.key,
        duty.name,
        ...team.slots.map((slot) => {
          const level = levels.get(`${duty.key} ${slot.key}`);
          return level ? LEVEL_LETTER[level] : null;
        }),
        teamFlags
          .filter((flag) => flag.dutyKey === duty.key)
          .map((flag) => flag.message)
          .join("\n") || null,
      ]),
    ];
    const teamWide = teamFlags.filter((flag) => flag.dutyKey === null);
    if (teamWide.length > 0) rows.push([], ["", "Flags of the team", teamWide.map((flag) => flag.message).join("\n")]);
    return {
      name: teamSheetName(team.name, taken),
      rows,
      ...(team.slots.length > 0 && document.duties.length > 0
        ? {
            levels: {
              firstRow: 4,
              lastRow: 3 + document.duties.length,
              firstColumn: 3,
              lastColumn: 2 + team.slots.length,
            },
          }
        : {}),
      widths: [16, 40, ...team.slots.map(() => 18), 60],
    };
  });
  const sheet = (kind: keyof typeof KEY_SHEETS, rows: TWorkbookCell[][]): TWorkbookSheet => ({
    name: KEY_SHEETS[kind].name,
    rows: [[...KEY_SHEETS[kind].header], ...rows],
  });
  return [
    ...teamSheets,
    sheet(
      "duties",
      document.duties.map((duty) => [duty.key, duty.name, duty.description, duty.required]),
    ),
    sheet(
      "people",
      document.people.map((person) => [person.key, person.name, orNull(person.email), person.capacity]),
    ),
    sheet(
      "teams",
      document.teams.map((team) => [team.key, team.name, orNull(team.description), orNull(team.group)]),
    ),
    sheet(
      "slots",
      document.teams.flatMap((team) =>
        team.slots.map((slot) => [
          team.key,
          slot.key,
          slot.role,
          orNull(slot.title),
          slot.holder,
          orNull(slot.holderUntil),
          orNull(slot.nextHolder),
          orNull(slot.nextHolderFrom),
          slot.allocation,
        ]),
      ),
    ),
    sheet(
      "assignments",
      document.teams.flatMap((team) => team.assignments.map((cell) => [team.key, cell.duty, cell.slot, cell.level])),
    ),
    ...(document.rules
      ? [
          sheet(
            "rules",
            document.rules.map((rule) => [
              rule.id,
              rule.severity,
              JSON.stringify(rule.params),
              JSON.stringify(rule.exemptTeams),
            ]),
          ),
        ]
      : []),
  ];
}

export type TWorkbookProblem = { path: string; message: string };

/** Where a level was read (0-based): its address is written out only for a problem (there are a million cells). */
type TWhere = { sheet: string; row: number; column: number };

/** A cell's address for a problem: `'Checkout'!C5`. */
const address = (sheet: string, row: number, column: number) => `'${sheet}'!${columnLetter(column)}${row + 1}`;

const text = (row: readonly string[] | undefined, column: number) => (row?.[column] ?? "").trim();
const optional = (value: string) => (value === "" ? null : value);

/** The object without its empty optional fields, as an export leaves them out (a slot's `holder` stays, null or not). */
function withoutEmpty<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([name, value]) => value !== null || name === "holder"),
  ) as Partial<T>;
}

/**
 * The remit.map/v1 document a workbook holds (not yet checked: the import checks it as any document), or every
 * problem with its cell. Levels come from the team sheets; the Assignments sheet gives those of a team whose sheet is
 * gone, and where both name a cell they must agree (an edit to one alone would otherwise be lost without a word).
 */
export function workbookToDocument(
  sheets: readonly TSheetGrid[],
):
  | { ok: true; document: unknown; locate: (path: string) => string | null }
  | { ok: false; problems: TWorkbookProblem[] } {
  const problems: TWorkbookProblem[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const rowsOf = (kind: keyof typeof KEY_SHEETS, isRequired: boolean) => {
    const { name, header } = KEY_SHEETS[kind];
    const sheet = byName.get(name.toLowerCase());
    if (!sheet) {
      if (isRequired)
        problems.push({
          path: `'${name}'`,
          message: `The workbook has no "${name}" sheet; export the map again to see its shape.`,
        });
      return [];
    }
    const found = (sheet.rows[0] ?? []).map((cell) => cell.trim());
    if (header.some((label, column) => found[column] !== label)) {
      problems.push({
        path: address(name, 0, 0),
        message: `Row 1 of "${name}" must be the headings ${header.join(", ")}.`,
      });
      return [];
    }
    return sheet.rows
      .map((row, index) => ({ row, index }))
      .slice(1)
      .filter(({ row }) => row.some((cell) => cell.trim() !== ""));
  };
  const number = (sheet: string, row: number, column: number, value: string) => {
    const parsed = Number(value);
    if (value === "" || !Number.isFinite(parsed)) {
      problems.push({ path: address(sheet, row, column), message: `"${value.slice(0, 40)}" is not a number.` });
      return value;
    }
    return parsed;
  };

  // Where each of the document's entities was read, so that a problem the import finds in the document is named by
  // its cell (see `locate`).
  const origins = {
    duties: [] as number[],
    people: [] as number[],
    teams: [] as { row: number; slots: number[]; cells: TWhere[] }[],
    rules: [] as number[],
  };
  const duties = rowsOf("duties", true).map(({ row, index }) => {
    origins.duties.push(index);
    const required = text(row, 3).toLowerCase();
    if (required !== "true" && required !== "false") {
      problems.push({ path: address("Duties", index, 3), message: "Required is TRUE or FALSE." });
    }
    return { key: text(row, 0), name: text(row, 1), description: text(row, 2), required: required !== "false" };
  });
  const people = rowsOf("people", true).map(({ row, index }) => {
    origins.people.push(index);
    return withoutEmpty({
      key: text(row, 0),
      name: text(row, 1),
      email: optional(text(row, 2)),
      capacity: number("People", index, 3, text(row, 3)),
    });
  });
  const slotsByTeam = new Map<string, Record<string, unknown>[]>();
  const slotRows = new Map<string, number[]>();
  for (const { row, index } of rowsOf("slots", true)) {
    const list = slotsByTeam.get(text(row, 0)) ?? [];
    const rowsOfTeam = slotRows.get(text(row, 0)) ?? [];
    rowsOfTeam.push(index);
    slotRows.set(text(row, 0), rowsOfTeam);
    list.push(
      withoutEmpty({
        key: text(row, 1),
        role: text(row, 2),
        title: optional(text(row, 3)),
        holder: optional(text(row, 4)),
        holderUntil: optional(text(row, 5)),
        nextHolder: optional(text(row, 6)),
        nextHolderFrom: optional(text(row, 7)),
        allocation: number("Slots", index, 8, text(row, 8)),
      }),
    );
    slotsByTeam.set(text(row, 0), list);
  }
  const at = ({ sheet, row, column }: TWhere) => address(sheet, row, column);
  const listed = new Map<string, Map<string, { level: string; where: TWhere }>>();
  for (const { row, index } of rowsOf("assignments", false)) {
    const cells = listed.get(text(row, 0)) ?? new Map<string, { level: string; where: TWhere }>();
    cells.set(`${text(row, 1)} ${text(row, 2)}`, {
      level: text(row, 3),
      where: { sheet: "Assignments", row: index, column: 3 },
    });
    listed.set(text(row, 0), cells);
  }
  const sheeted = new Map<string, Map<string, { level: TRaciLevel; where: TWhere }>>();
  for (const sheet of sheets) {
    // The key sheets Slots and Assignments start with "Team key" too.
    if (RESERVED.has(sheet.name.toLowerCase()) || text(sheet.rows[0], 0) !== TEAM_SHEET_MARK) continue;
    const teamKey = text(sheet.rows[0], 1);
    const slotKeys = (sheet.rows[2] ?? []).map((cell) => cell.trim());
    const cells = new Map<string, { level: TRaciLevel; where: TWhere }>();
    for (let index = 3; index < sheet.rows.length; index++) {
      const row = sheet.rows[index]!;
      const dutyKey = text(row, 0);
      if (dutyKey === "") break;
      for (let column = 2; column < slotKeys.length && slotKeys[column] !== ""; column++) {
        const value = text(row, column);
        const parsed = parseLevel(value);
        if (parsed === null || parsed.combined) {
          problems.push({
            path: address(sheet.name, index, column),
            message: `"${value.slice(0, 40)}" is not a level: choose ${LEVEL_LETTERS.join(", ")} or leave it blank.`,
          });
        } else if (parsed.level) {
          cells.set(`${dutyKey} ${slotKeys[column]}`, {
            level: parsed.level,
            where: { sheet: sheet.name, row: index, column },
          });
        }
      }
    }
    if (sheeted.has(teamKey)) {
      problems.push({
        path: address(sheet.name, 0, 1),
        message: `Two sheets are for the team "${teamKey}"; keep one.`,
      });
    }
    sheeted.set(teamKey, cells);
  }

  const teams = rowsOf("teams", true).map(({ row, index }) => {
    const key = text(row, 0);
    const fromSheet = sheeted.get(key);
    const fromList = listed.get(key);
    if (fromSheet && fromList) {
      for (const [cell, { level, where }] of fromList) {
        const onSheet = fromSheet.get(cell);
        if (onSheet?.level !== level) {
          problems.push({
            path: at(where),
            message: `${at(where)} says ${level}, but the team's sheet says ${onSheet ? `${onSheet.level} at ${at(onSheet.where)}` : "nothing"}. Change one so that they agree, or delete the Assignments sheet.`,
          });
        }
      }
      for (const [cell, { level, where }] of fromSheet) {
        if (!fromList.has(cell)) {
          problems.push({
            path: at(where),
            message: `${at(where)} says ${level}, but the Assignments sheet lists nothing there. Change one so that they agree, or delete the Assignments sheet.`,
          });
        }
      }
    }
    const cells = [...(fromSheet ?? fromList ?? [])];
    origins.teams.push({ row: index, slots: slotRows.get(key) ?? [], cells: cells.map(([, { where }]) => where) });
    return {
      key,
      name: text(row, 1),
      ...withoutEmpty({ description: optional(text(row, 2)), group: optional(text(row, 3)) }),
      slots: slotsByTeam.get(key) ?? [],
      assignments: cells.map(([cell, { level }]) => {
        const [duty, slot] = cell.split(" ") as [string, string];
        return { duty, slot, level };
      }),
    };
  });
  const rules = rowsOf("rules", false).map(({ row, index }) => {
    origins.rules.push(index);
    const json = (column: number) => {
      try {
        return JSON.parse(text(row, column) || "null") as unknown;
      } catch {
        problems.push({ path: address("Rules", index, column), message: "This cell must be JSON, as exported." });
        return null;
      }
    };
    return { id: text(row, 0), severity: text(row, 1), params: json(2) ?? {}, exemptTeams: json(3) ?? [] };
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    locate: (path) => locate(path, origins),
    document: {
      format: "remit.map/v1",
      duties,
      people,
      teams,
      ...(byName.has(KEY_SHEETS.rules.name.toLowerCase()) ? { rules } : {}),
    },
  };
}

/** The column of each field of the document's entities on its key sheet (0-based). */
const FIELD_COLUMNS = {
  duties: { key: 0, name: 1, description: 2, required: 3 },
  people: { key: 0, name: 1, email: 2, capacity: 3 },
  teams: { key: 0, name: 1, description: 2, group: 3 },
  slots: {
    key: 1,
    role: 2,
    title: 3,
    holder: 4,
    holderUntil: 5,
    nextHolder: 6,
    nextHolderFrom: 7,
    allocation: 8,
  },
  rules: { id: 0, severity: 1, params: 2, exemptTeams: 3 },
} as const satisfies Record<string, Record<string, number>>;

const fieldColumn = (fields: Record<string, number>, field: string | undefined) =>
  field !== undefined && Object.hasOwn(fields, field) ? fields[field]! : 0;

/**
 * The cell that a JSON path of the workbook's document (`teams[2].slots[0].holder`, as the import names a problem)
 * was read from, like `'Slots'!E14`; null for a path that is about no one cell (the map as a whole, a list).
 */
function locate(
  path: string,
  origins: {
    duties: number[];
    people: number[];
    teams: { row: number; slots: number[]; cells: TWhere[] }[];
    rules: number[];
  },
): string | null {
  const match = /^(duties|people|teams|rules)\[(\d+)\](?:\.(\w+)(?:\[(\d+)\](?:\.(\w+))?)?)?/.exec(path);
  if (!match) return null;
  const [, list, indexText, field, innerText, innerField] = match as unknown as [
    string,
    "duties" | "people" | "teams" | "rules",
    string,
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  const index = Number(indexText);
  if (list !== "teams") {
    const row = origins[list][index];
    if (row === undefined) return null;
    return address(KEY_SHEETS[list].name, row, fieldColumn(FIELD_COLUMNS[list], field));
  }
  const team = origins.teams[index];
  if (!team) return null;
  if (field === "slots" && innerText !== undefined) {
    const row = team.slots[Number(innerText)];
    return row === undefined ? null : address("Slots", row, fieldColumn(FIELD_COLUMNS.slots, innerField));
  }
  if (field === "assignments" && innerText !== undefined) {
    const where = team.cells[Number(innerText)];
    if (!where) return null;
    if (where.sheet === KEY_SHEETS.assignments.name) {
      const columns = { duty: 1, slot: 2, level: 3 } as Record<string, number>;
      return address(where.sheet, where.row, fieldColumn(columns, innerField) || 3);
    }
    // A team's sheet: the duty's key starts the row, the slot's key is in row 3 above the level.
    if (innerField === "duty") return address(where.sheet, where.row, 0);
    if (innerField === "slot") return address(where.sheet, 2, where.column);
    return address(where.sheet, where.row, where.column);
  }
  return address("Teams", team.row, fieldColumn(FIELD_COLUMNS.teams, field));
}
