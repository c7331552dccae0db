import type { TMapAnalysis, TRuleFlag, TSeverity } from "./analyze-map";
import type { TRuleId } from "./rules";
import { compareDuties, compareNames, type TDuty, type TRemitMap } from "./model";
import { initials } from "./team-view";

/** How one duty stands in one team: the heatmap's colour. */
export type TCellState = "owned" | "unowned" | "shared" | "vacant_owner" | "optional_unowned";

export type TOverviewDuty = Pick<TDuty, "id" | "key" | "name" | "description" | "required">;

/** One heatmap cell: its state and the accountable people's initials ("?" for a vacant slot). */
export type TOverviewCell = { state: TCellState; owners: string[] };

export type TOverviewRow = {
  team: { id: string; key: string; name: string };
  score: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The kinds of flag the team has, for the flag filter. */
  kinds: TRuleId[];
  /** One per duty, in the order of `TOverview.duties`. */
  cells: TOverviewCell[];
};

/**
 * The organisation at a glance, small enough to send to the browser for 1,000 teams: per team, its score, its flag
 * counts and who is accountable for each duty. The server computes it from the map and its analysis.
 */
export type TOverview = {
  score: number | null;
  counts: Record<TSeverity, number>;
  duties: TOverviewDuty[];
  rows: TOverviewRow[];
};

export function summarizeOverview(map: TRemitMap, analysis: TMapAnalysis<TRuleFlag>): TOverview {
  const duties = [...map.duties].sort(compareDuties);
  const slots = new Map(map.slots.map((slot) => [slot.id, slot]));
  const people = new Map(map.people.map((person) => [person.id, person]));
  const accountable = new Map<string, string[]>(); // `${teamId}:${dutyId}` -> slot ids
  for (const assignment of map.assignments) {
    if (assignment.level !== "accountable") continue;
    const slot = slots.get(assignment.slotId);
    if (!slot) continue;
    const key = `${slot.teamId}:${assignment.dutyId}`;
    const owners = accountable.get(key);
    if (owners) owners.push(slot.id);
    else accountable.set(key, [slot.id]);
  }
  const analysisByTeam = new Map(analysis.teams.map((entry) => [entry.team.id, entry]));
  const rows = map.teams.map((team): TOverviewRow => {
    const teamAnalysis = analysisByTeam.get(team.id);
    const cells = duties.map((duty): TOverviewCell => {
      const owners = (accountable.get(`${team.id}:${duty.id}`) ?? []).map((slotId) => slots.get(slotId)!);
      const labels = owners.map((slot) => {
        const holder = slot.holderId ? people.get(slot.holderId) : undefined;
        return holder ? initials(holder.name) : "?";
      });
      let state: TCellState;
      if (owners.length === 0) state = duty.required ? "unowned" : "optional_unowned";
      else if (owners.length > 1) state = "shared";
      else state = owners[0]!.holderId && people.has(owners[0]!.holderId) ? "owned" : "vacant_owner";
      return { state, owners: labels };
    });
    return {
      team: { id: team.id, key: team.key, name: team.name },
      score: teamAnalysis?.score ?? 100,
      errors: teamAnalysis?.counts.bySeverity.error ?? 0,
      warnings: teamAnalysis?.counts.bySeverity.warning ?? 0,
      infos: teamAnalysis?.counts.bySeverity.info ?? 0,
      kinds: [...new Set(teamAnalysis?.flags.map((flag) => flag.kind))],
      cells,
    };
  });
  return {
    score: analysis.score,
    counts: { ...analysis.counts.bySeverity },
    duties: duties.map(({ id, key, name, description, required }) => ({ id, key, name, description, required })),
    rows,
  };
}

export type TOverviewSort = "health" | "name";

export type TOverviewFilter = { name: string; kind: TRuleId | ""; sort: TOverviewSort };

/** The rows that match the filter (name contains, case-insensitive; has a flag of that kind), sorted. */
export function selectOverviewRows(rows: readonly TOverviewRow[], filter: TOverviewFilter): TOverviewRow[] {
  const needle = filter.name.trim().toLowerCase();
  const matching = rows.filter(
    (row) =>
      (!needle || row.team.name.toLowerCase().includes(needle)) && (!filter.kind || row.kinds.includes(filter.kind)),
  );
  const byName = (a: TOverviewRow, b: TOverviewRow) => compareNames(a.team, b.team);
  return matching.sort(filter.sort === "health" ? (a, b) => a.score - b.score || byName(a, b) : byName);
}

/** The `count` lowest-scoring teams that have something flagged, worst first. */
export function worstTeams(rows: readonly TOverviewRow[], count: number): TOverviewRow[] {
  return selectOverviewRows(rows, { name: "", kind: "", sort: "health" })
    .filter((row) => row.score < 100)
    .slice(0, count);
}

/**
 * The overview packed for the page that first shows it: all rows in one string, a line per team, its fields separated
 * by "|" (text escaped), each cell as a state letter then the owners' initials joined by spaces. A third of the size
 * of the objects for 1,000 teams, and one value instead of about 25,000 for the browser to decode from the page's
 * React Server Components payload before it hydrates. `unpackOverview` gives back exactly the overview.
 */
export type TPackedOverview = Omit<TOverview, "rows"> & { rows: string };

const STATE_CODES: Record<TCellState, string> = {
  owned: "o",
  unowned: "u",
  shared: "s",
  vacant_owner: "v",
  optional_unowned: "-",
};
const STATES_BY_CODE = new Map(Object.entries(STATE_CODES).map(([state, code]) => [code, state as TCellState]));
const FIELD = "|";
const ROW = "\n";

const escapeText = (text: string) => text.replace(/[\\|\n]/g, (char) => (char === "\n" ? "\\n" : `\\${char}`));

export function packOverview(overview: TOverview): TPackedOverview {
  return {
    ...overview,
    rows: overview.rows
      .map((row) =>
        [
          row.team.id,
          row.team.key,
          row.team.name,
          row.score,
          row.errors,
          row.warnings,
          row.infos,
          row.kinds.join(" "),
          ...row.cells.map((cell) => `${STATE_CODES[cell.state]}${cell.owners.join(" ")}`),
        ]
          .map((field) => (typeof field === "string" ? escapeText(field) : String(field)))
          .join(FIELD),
      )
      .join(ROW),
  };
}

/** A line's fields: split at the separators that are not escaped, and unescaped. */
function splitFields(line: string): string[] {
  if (!line.includes("\\")) return line.split(FIELD);
  const fields: string[] = [];
  let field = "";
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === "\\") {
      const escaped = line[++index] ?? "";
      field += escaped === "n" ? "\n" : escaped;
    } else if (char === FIELD) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

export function unpackOverview(packed: TPackedOverview): TOverview {
  return {
    ...packed,
    rows: (packed.rows === "" ? [] : packed.rows.split(ROW)).map((line) => {
      const [id = "", key = "", name = "", score, errors, warnings, infos, kinds = "", ...cells] = splitFields(line);
      return {
        team: { id, key, name },
        score: Number(score),
        errors: Number(errors),
        warnings: Number(warnings),
        infos: Number(infos),
        kinds: kinds === "" ? [] : (kinds.split(" ") as TRuleId[]),
        cells: cells.map((cell) => ({
          state: STATES_BY_CODE.get(cell[0] ?? "") ?? "unowned",
          owners: cell.length > 1 ? cell.slice(1).split(" ") : [],
        })),
      };
    }),
  };
}
