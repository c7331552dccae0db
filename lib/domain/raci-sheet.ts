// A RACI sheet as people keep them in spreadsheets (one row per duty, one column per role, R/A/C/I in the cells),
// read into a team: where its header is, which column is which slot, which row is which duty, and what each cell
// changes. Pure: the server turns a CSV or XLSX file into `TSheetGrid`s (cell text only) and applies the plan.
import {
  compareSlots,
  normalizeRole,
  PM_ROLE,
  PO_ROLE,
  RACI_LEVELS,
  type TDuty,
  type TRaciLevel,
  type TRemitMap,
  type TSlot,
} from "./model";
import { textFingerprint } from "./map-document";

/** One sheet of a workbook (a CSV file is one sheet), as the text of its cells, row by row. */
export type TSheetGrid = {
  name: string;
  rows: string[][];
  /** How many rows the sheet has, when `rows` holds only the first of them (a reader stops past the limit). */
  rowCount?: number;
};

export const RACI_SHEET_LIMITS = {
  /** Rows of one sheet, title and header included: a team's duties fit many times over. */
  rows: 2_000,
  columns: 60,
  /** Rows above the header searched for it (titles, legends). */
  headerSearchRows: 30,
  /** Characters of one cell that are kept; a longer cell is a problem. */
  cellLength: 500,
  nameLength: 120,
  roleLength: 60,
} as const;

/** A level as a sheet writes it, and whether the sheet said more than one (the stronger is kept). */
export type TParsedLevel = { level: TRaciLevel | null; combined: boolean };

const LEVEL_WORDS: Record<string, TRaciLevel> = {
  a: "accountable",
  accountable: "accountable",
  r: "responsible",
  responsible: "responsible",
  c: "consulted",
  consulted: "consulted",
  i: "informed",
  informed: "informed",
};

/**
 * The level a cell holds: "R", "responsible", " a ", "A/R", "R, A" (the stronger of several, `combined`); blank is
 * no level; null for anything else (not a level).
 */
export function parseLevel(text: string): TParsedLevel | null {
  const tidy = text.trim().toLowerCase();
  if (tidy === "" || tidy === "-" || tidy === "–") return { level: null, combined: false };
  const parts = tidy.split(/\s*[/,+&;|]\s*|\s+and\s+|\s+/).filter((part) => part !== "");
  // "AR" or "RA" written without a separator.
  const words = parts.length === 1 && /^[raci]{2,4}$/.test(parts[0]!) ? [...parts[0]!] : parts;
  const levels = words.map((word) => LEVEL_WORDS[word.replace(/[.:]$/, "")]);
  if (levels.length === 0 || levels.some((level) => level === undefined)) return null;
  const strongest = RACI_LEVELS.find((level) => levels.includes(level))!;
  return { level: strongest, combined: new Set(levels).size > 1 };
}

export const LEVEL_LETTER: Record<TRaciLevel, string> = {
  accountable: "A",
  responsible: "R",
  consulted: "C",
  informed: "I",
};

/** Lower case, letters and digits only, single spaces: "Product-Vision!" and "product vision" are one name. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How alike two normalised names are, from 0 to 1: the better of their spelling (1 − edit distance / length) and
 * their words in common (Dice), so that both "Prodct vision" and "Vision of the product" find "Product vision".
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  const spelling = longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
  const wordsA = new Set(a.split(" ").filter((word) => word.length > 1));
  const wordsB = new Set(b.split(" ").filter((word) => word.length > 1));
  const common = [...wordsA].filter((word) => wordsB.has(word)).length;
  const total = wordsA.size + wordsB.size;
  return Math.max(spelling, total === 0 ? 0 : (2 * common) / total);
}

/** Below this, a duty is not proposed for a row: the row is offered as a new duty instead. */
export const PROPOSAL_THRESHOLD = 0.6;

/** Column headers that mean a standard role. */
const ROLE_ALIASES: Record<string, string> = {
  po: PO_ROLE,
  "product owner": PO_ROLE,
  pm: PM_ROLE,
  "product manager": PM_ROLE,
};

/** What a column is: a slot of the team, a new slot, or left out. */
export type TColumnChoice = { slotId: string } | "new" | "skip";
/** What a row is: a duty of the catalogue, a new duty, or left out. */
export type TRowChoice = { dutyId: string } | "new" | "skip";

/** The user's answers to the preview: by column letter and by sheet row number (1-based, as a spreadsheet shows). */
export type TRaciChoices = {
  sheet?: string;
  columns?: Record<string, TColumnChoice>;
  rows?: Record<string, TRowChoice>;
};

export type TRaciColumn = {
  letter: string;
  header: string;
  /** The slot the header names (its role, title or key), if one does. */
  matchedSlotId: string | null;
  /** For a header that names no slot: the role a new slot would have (PO for "Product owner"). */
  newRole: string;
  choice: TColumnChoice;
};

export type TRaciRow = {
  /** The sheet's row number, 1-based. */
  row: number;
  name: string;
  /** The duty whose name (or key) is the row's, ignoring case and punctuation. */
  exactDutyId: string | null;
  /** When no duty matches exactly: the closest ones, best first, with their similarity. */
  proposals: { dutyId: string; similarity: number }[];
  choice: TRowChoice;
};

export type TRaciProblem = {
  severity: "error" | "warning";
  /** Where: the sheet's row number and column letter, when the problem has them. */
  row?: number;
  column?: string;
  message: string;
};

/** A cell of the team's matrix that the import changes. */
export type TRaciCellChange = {
  row: number;
  column: string;
  /** The duty and slot: ids of the map's, or "new:<row>" / "new:<letter>" for those the import creates. */
  dutyId: string;
  slotId: string;
  before: TRaciLevel | null;
  after: TRaciLevel | null;
  /** Why the level is not the cell's text as written ("A/R" became accountable). */
  note?: string;
};

export type TRaciPlan = {
  sheet: string;
  sheets: string[];
  /** The header's row number, 1-based. */
  headerRow: number;
  /** The column of duty names. */
  dutyColumn: string;
  columns: TRaciColumn[];
  rows: TRaciRow[];
  changes: TRaciCellChange[];
  /** Slots and duties the import creates. */
  newSlots: { column: string; role: string }[];
  newDuties: { row: number; name: string }[];
  problems: TRaciProblem[];
};

/** Why a file cannot be read as a RACI sheet at all: said to the user, nothing else is shown. */
export class RaciSheetError extends Error {}

const isBlank = (text: string | undefined) => (text ?? "").trim() === "";

type THeader = { index: number; dutyColumn: number; roleColumns: number[] };

/**
 * The header: of the rows near the top with at least two labels and no level in them, the one with the most columns
 * that have levels in the rows below; the lowest on a tie, since titles and legends sit above the header.
 */
export function findHeader(rows: readonly string[][]): THeader | null {
  let best: (THeader & { score: number }) | null = null;
  const last = Math.min(rows.length, RACI_SHEET_LIMITS.headerSearchRows);
  for (let index = 0; index < last; index++) {
    const cells = rows[index]!;
    const labels = cells.map((cell, column) => ({ cell, column })).filter(({ cell }) => !isBlank(cell));
    if (labels.length < 2 || labels.some(({ cell }) => parseLevel(cell)?.level)) continue;
    const below = rows.slice(index + 1);
    const counts = labels.map(({ column }) => {
      const filled = below.map((row) => row[column] ?? "").filter((cell) => !isBlank(cell));
      const levels = filled.filter((cell) => parseLevel(cell)?.level).length;
      return { column, levels, others: filled.length - levels };
    });
    // The duty column: the first labelled column whose cells below are mostly names, not levels (a legend below
    // the table may put a few letters there).
    const dutyColumn = counts.find(({ others, levels }) => others > levels)?.column;
    if (dutyColumn === undefined) continue;
    const levelColumns = counts
      .filter(({ column, levels }) => column !== dutyColumn && levels > 0)
      .map(({ column }) => column);
    if (levelColumns.length === 0) continue;
    // Other labelled columns right of the duties are roles too while empty; a column of free text (notes,
    // descriptions) is not a role.
    const roleColumns = counts
      .filter(({ column, levels, others }) => column > dutyColumn && (levels > 0 || others === 0))
      .map(({ column }) => column);
    if (!best || levelColumns.length >= best.score)
      best = { index, dutyColumn, roleColumns, score: levelColumns.length };
  }
  return best && { index: best.index, dutyColumn: best.dutyColumn, roleColumns: best.roleColumns };
}

/** The team's slot a header names: by role (PO for "Product owner"), title or key, ignoring case and punctuation. */
function matchSlot(header: string, slots: readonly TSlot[], taken: ReadonlySet<string>): TSlot | null {
  const name = normalizeName(header);
  const role = ROLE_ALIASES[name] ?? normalizeRole(header);
  const free = slots.filter((slot) => !taken.has(slot.id));
  return (
    free.find((slot) => slot.title !== null && normalizeName(slot.title) === name) ??
    free.find((slot) => normalizeName(slot.role) === normalizeName(role)) ??
    free.find((slot) => slot.key === name.replace(/ /g, "-")) ??
    null
  );
}

/** The catalogue's duties a row names, exactly (name or key) or closest first. */
function matchDuty(name: string, duties: readonly TDuty[]): Pick<TRaciRow, "exactDutyId" | "proposals"> {
  const wanted = normalizeName(name);
  const compact = wanted.replace(/ /g, "");
  const exact = duties.find(
    (duty) => normalizeName(duty.name).replace(/ /g, "") === compact || duty.key.replace(/-/g, "") === compact,
  );
  if (exact) return { exactDutyId: exact.id, proposals: [] };
  const proposals = duties
    .map((duty) => ({ dutyId: duty.id, similarity: nameSimilarity(wanted, normalizeName(duty.name)) }))
    .filter((proposal) => proposal.similarity >= PROPOSAL_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 3)
    .map((proposal) => ({ ...proposal, similarity: Math.round(proposal.similarity * 100) / 100 }));
  return { exactDutyId: null, proposals };
}

/** The sheet to read: the one chosen, else the first that has a header. */
function chooseSheet(sheets: readonly TSheetGrid[], chosen: string | undefined): TSheetGrid {
  if (sheets.length === 0) throw new RaciSheetError("The file has no sheets.");
  if (chosen !== undefined) {
    const sheet = sheets.find((candidate) => candidate.name === chosen);
    if (!sheet) {
      throw new RaciSheetError(
        `The file has no sheet "${chosen}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(", ")}.`,
      );
    }
    return sheet;
  }
  return sheets.find((sheet) => findHeader(sheet.rows) !== null) ?? sheets[0]!;
}

/**
 * Reads a sheet into a plan for one team of `map`: which column is which slot, which row which duty (with the
 * user's `choices` where given, else the matches found), every cell that changes and every problem. Within the
 * columns and rows it reads, the sheet is the truth: a blank cell clears the level the team has there. Throws
 * RaciSheetError when the sheet cannot be read as a RACI sheet at all.
 */
export function planRaciImport(
  map: TRemitMap,
  teamId: string,
  sheets: readonly TSheetGrid[],
  choices: TRaciChoices = {},
): TRaciPlan {
  const sheet = chooseSheet(sheets, choices.sheet);
  const { rows } = sheet;
  if (rows.every((row) => row.every(isBlank))) throw new RaciSheetError(`The sheet "${sheet.name}" is empty.`);
  const rowCount = Math.max(rows.length, sheet.rowCount ?? 0);
  if (rowCount > RACI_SHEET_LIMITS.rows) {
    throw new RaciSheetError(
      `The sheet "${sheet.name}" has ${rowCount.toLocaleString("en")} rows; a RACI sheet for one team has at most ` +
        `${RACI_SHEET_LIMITS.rows.toLocaleString("en")}. Keep one team's duties on the sheet.`,
    );
  }
  if (rows.some((row) => row.length > RACI_SHEET_LIMITS.columns)) {
    throw new RaciSheetError(
      `The sheet "${sheet.name}" has more than ${RACI_SHEET_LIMITS.columns} columns; keep one column per role.`,
    );
  }
  const header = findHeader(rows);
  if (!header) {
    throw new RaciSheetError(
      `No header found on "${sheet.name}": within its first ${RACI_SHEET_LIMITS.headerSearchRows} rows, Remit looks ` +
        "for a row of labels (a duty column, then one column per role) with R, A, C or I in the cells below it.",
    );
  }
  const headerCells = rows[header.index]!;
  const seen = new Map<string, string>();
  for (const column of [header.dutyColumn, ...header.roleColumns]) {
    const name = normalizeName(headerCells[column]!);
    const letter = columnLetter(column);
    if (seen.has(name)) {
      throw new RaciSheetError(
        `Columns ${seen.get(name)} and ${letter} of "${sheet.name}" are both headed "${headerCells[column]!.trim()}"; ` +
          "give each role one column.",
      );
    }
    seen.set(name, letter);
  }

  const problems: TRaciProblem[] = [];
  const slots = map.slots.filter((slot) => slot.teamId === teamId).sort(compareSlots);
  const slotIds = new Set(slots.map((slot) => slot.id));
  const taken = new Set<string>();
  const columns: TRaciColumn[] = header.roleColumns.map((index) => {
    const text = headerCells[index]!.trim();
    const letter = columnLetter(index);
    const matched = matchSlot(text, slots, taken);
    if (matched) taken.add(matched.id);
    const name = normalizeName(text);
    const chosen = choices.columns?.[letter];
    return {
      letter,
      header: text,
      matchedSlotId: matched?.id ?? null,
      newRole: (ROLE_ALIASES[name] ?? normalizeRole(text)).slice(0, RACI_SHEET_LIMITS.roleLength),
      choice: chosen ?? (matched ? { slotId: matched.id } : "new"),
    };
  });
  const columnOfSlot = new Map<string, string>();
  for (const column of columns) {
    if (typeof column.choice !== "object") continue;
    if (!slotIds.has(column.choice.slotId)) {
      problems.push({
        severity: "error",
        column: column.letter,
        message: `Column ${column.letter} ("${column.header}") is matched to a slot the team does not have (any more); choose again.`,
      });
    } else if (columnOfSlot.has(column.choice.slotId)) {
      problems.push({
        severity: "error",
        column: column.letter,
        message: `Columns ${columnOfSlot.get(column.choice.slotId)} and ${column.letter} are matched to the same slot; match each slot once.`,
      });
    } else columnOfSlot.set(column.choice.slotId, column.letter);
  }

  const dutyIds = new Set(map.duties.map((duty) => duty.id));
  const raciRows: TRaciRow[] = [];
  const rowOfDuty = new Map<string, number>();
  const newNames = new Map<string, number>();
  for (let index = header.index + 1; index < rows.length; index++) {
    const cells = rows[index]!;
    const row = index + 1;
    const name = (cells[header.dutyColumn] ?? "").trim();
    if (name === "") {
      const stray = header.roleColumns.find((column) => parseLevel(cells[column] ?? "")?.level);
      if (stray !== undefined) {
        problems.push({
          severity: "warning",
          row,
          column: columnLetter(stray),
          message: `Row ${row} has levels but no duty name; it is left out.`,
        });
      }
      continue;
    }
    // A legend below the table ("R", "Responsible: does the work") names a level where a duty would be.
    if (parseLevel(name)?.level) continue;
    const matched = matchDuty(name, map.duties);
    const chosen = choices.rows?.[String(row)];
    const proposal = matched.proposals[0];
    const hasLevels = header.roleColumns.some((column) => parseLevel(cells[column] ?? "")?.level);
    // A row that names no duty and holds no level ("Notes:", a footnote) adds nothing unless the user says so.
    const fallback: TRowChoice = proposal ? { dutyId: proposal.dutyId } : hasLevels ? "new" : "skip";
    const choice: TRowChoice = chosen ?? (matched.exactDutyId ? { dutyId: matched.exactDutyId } : fallback);
    raciRows.push({ row, name, ...matched, choice });
    if (name.length > RACI_SHEET_LIMITS.nameLength && choice === "new") {
      problems.push({
        severity: "error",
        row,
        column: columnLetter(header.dutyColumn),
        message: `The duty name in row ${row} is longer than ${RACI_SHEET_LIMITS.nameLength} characters; shorten it or match the row to a duty.`,
      });
    }
    if (typeof choice === "object") {
      if (!dutyIds.has(choice.dutyId)) {
        problems.push({
          severity: "error",
          row,
          message: `Row ${row} ("${name}") is matched to a duty that no longer exists; choose again.`,
        });
      } else if (rowOfDuty.has(choice.dutyId)) {
        problems.push({
          severity: "error",
          row,
          message: `Rows ${rowOfDuty.get(choice.dutyId)} and ${row} are matched to the same duty; match each duty once, or skip one row.`,
        });
      } else rowOfDuty.set(choice.dutyId, row);
    } else if (choice === "new") {
      const normal = normalizeName(name);
      if (newNames.has(normal)) {
        problems.push({
          severity: "error",
          row,
          message: `Rows ${newNames.get(normal)} and ${row} would both add the duty "${name}"; skip one.`,
        });
      } else newNames.set(normal, row);
    }
  }
  if (raciRows.length === 0) {
    throw new RaciSheetError(
      `The sheet "${sheet.name}" has a header in row ${header.index + 1} but no duties below it.`,
    );
  }

  const current = new Map(
    map.assignments
      .filter((cell) => cell.teamId === teamId)
      .map((cell) => [`${cell.dutyId} ${cell.slotId}`, cell.level]),
  );
  const changes: TRaciCellChange[] = [];
  for (const raciRow of raciRows) {
    if (raciRow.choice === "skip") continue;
    const dutyId = raciRow.choice === "new" ? `new:${raciRow.row}` : raciRow.choice.dutyId;
    const cells = rows[raciRow.row - 1]!;
    header.roleColumns.forEach((index, position) => {
      const column = columns[position]!;
      if (column.choice === "skip") return;
      const slotId = column.choice === "new" ? `new:${column.letter}` : column.choice.slotId;
      const text = cells[index] ?? "";
      const parsed = parseLevel(text);
      const where = { row: raciRow.row, column: column.letter };
      if (parsed === null) {
        problems.push({
          severity: "error",
          ...where,
          message: `Cell ${column.letter}${raciRow.row} holds "${text.trim().slice(0, 40)}", which is not a level: write R, A, C or I, or leave it blank.`,
        });
        return;
      }
      const before = current.get(`${dutyId} ${slotId}`) ?? null;
      const note = parsed.combined
        ? `"${text.trim()}" names more than one level; a cell holds one, so the stronger (${LEVEL_LETTER[parsed.level!]}) is kept.`
        : undefined;
      if (note)
        problems.push({ severity: "warning", ...where, message: `Cell ${column.letter}${raciRow.row}: ${note}` });
      if (before !== parsed.level)
        changes.push({ ...where, dutyId, slotId, before, after: parsed.level, ...(note ? { note } : {}) });
    });
  }

  return {
    sheet: sheet.name,
    sheets: sheets.map((candidate) => candidate.name),
    headerRow: header.index + 1,
    dutyColumn: columnLetter(header.dutyColumn),
    columns,
    rows: raciRows,
    changes,
    newSlots: columns
      .filter((column) => column.choice === "new")
      .map((column) => ({ column: column.letter, role: column.newRole })),
    newDuties: raciRows.filter((row) => row.choice === "new").map((row) => ({ row: row.row, name: row.name })),
    problems,
  };
}

/** Whether the plan can be applied: it has no error (warnings, such as "A/R", are said and applied). */
export function isApplicable(plan: TRaciPlan): boolean {
  return plan.problems.every((problem) => problem.severity !== "error");
}

/**
 * The map as it would be after the plan, for its flags: new slots (vacant) and duties (optional) get the plan's
 * placeholder ids, "new:<letter>" and "new:<row>".
 */
export function applyRaciPlan(map: TRemitMap, teamId: string, plan: TRaciPlan): TRemitMap {
  const teamSlots = map.slots.filter((slot) => slot.teamId === teamId);
  const lastSlotOrder = Math.max(-1, ...teamSlots.map((slot) => slot.order));
  const lastDutyOrder = Math.max(-1, ...map.duties.map((duty) => duty.order));
  const slots: TSlot[] = plan.newSlots.map(({ column, role }, index) => ({
    id: `new:${column}`,
    key: `new-${column.toLowerCase()}`,
    teamId,
    role,
    title: null,
    holderId: null,
    holderUntil: null,
    nextHolderId: null,
    nextHolderFrom: null,
    allocation: 1,
    order: lastSlotOrder + 1 + index,
  }));
  const duties: TDuty[] = plan.newDuties.map(({ row, name }, index) => ({
    id: `new:${row}`,
    key: `new-${row}`,
    name,
    description: "",
    required: false,
    order: lastDutyOrder + 1 + index,
  }));
  const changed = new Map(plan.changes.map((change) => [`${change.dutyId} ${change.slotId}`, change.after]));
  const kept = map.assignments.filter(
    (cell) => cell.teamId !== teamId || !changed.has(`${cell.dutyId} ${cell.slotId}`),
  );
  const added = plan.changes
    .filter((change) => change.after !== null)
    .map((change) => ({ teamId, dutyId: change.dutyId, slotId: change.slotId, level: change.after!, version: 1 }));
  return {
    ...map,
    slots: [...map.slots, ...slots],
    duties: [...map.duties, ...duties],
    assignments: [...kept, ...added],
  };
}

/**
 * What the plan would write, as a fingerprint: a preview's, sent back with the apply, lets the server refuse an apply
 * that would now write something else (the team or the catalogue changed since the preview was shown).
 */
export function raciPlanFingerprint(plan: Pick<TRaciPlan, "changes" | "newSlots" | "newDuties">): string {
  return textFingerprint(JSON.stringify([plan.changes, plan.newSlots, plan.newDuties]));
}
