// The report to hand on (GET report.pdf): the organisation's health and its trend, the teams that need attention
// with their flags in words, the heatmap, and for a draft what it changes and which flags it resolves and
// introduces. Pure: the server lays it out as a PDF.
import type { TMapAnalysis, TRuleFlag } from "./analyze-map";
import type { THealthPoint } from "./health-history";
import type { TMapComparison, TTeamChange } from "./map-compare";
import { describeTeamChange } from "./map-compare";
import type { TCellState, TOverview } from "./overview";

export type TReport = {
  title: string;
  generatedAt: string;
  health: {
    score: number | null;
    counts: { error: number; warning: number; info: number };
    /** The last 30 days' mean scores, oldest first (null: no teams that day). */
    trend: { day: string; score: number | null }[];
  };
  /** Teams with an error or a warning, worst first, each flag in words. */
  attention: { team: string; score: number; flags: { severity: string; message: string }[] }[];
  heatmap: { duties: string[]; rows: { team: string; score: number; cells: TCellState[] }[] };
  draft: {
    name: string;
    liveName: string;
    score: { before: number | null; after: number | null };
    changes: string[];
    resolved: string[];
    introduced: string[];
  } | null;
};

export function buildReport({
  title,
  generatedAt,
  analysis,
  overview,
  history,
  draft,
}: {
  title: string;
  generatedAt: string;
  analysis: TMapAnalysis<TRuleFlag>;
  overview: TOverview;
  history: readonly THealthPoint[];
  draft?: { name: string; liveName: string; comparison: TMapComparison; teams: TTeamChange[] };
}): TReport {
  const names = new Map(overview.rows.map((row) => [row.team.id, row.team.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const attention = analysis.teams
    .filter((team) => team.flags.some((flag) => flag.severity === "error" || flag.severity === "warning"))
    .sort((a, b) => a.score - b.score || nameOf(a.team.id).localeCompare(nameOf(b.team.id)))
    .map((team) => ({
      team: nameOf(team.team.id),
      score: team.score,
      flags: team.flags
        .filter((flag) => flag.severity !== "info")
        .map((flag) => ({ severity: flag.severity, message: flag.message })),
    }));
  return {
    title,
    generatedAt,
    health: {
      score: overview.score,
      counts: { error: overview.counts.error, warning: overview.counts.warning, info: overview.counts.info },
      trend: history.map((point) => ({ day: point.day, score: point.score })),
    },
    attention,
    heatmap: {
      duties: overview.duties.map((duty) => duty.name),
      rows: [...overview.rows]
        .sort((a, b) => a.team.name.localeCompare(b.team.name))
        .map((row) => ({ team: row.team.name, score: row.score, cells: row.cells.map((cell) => cell.state) })),
    },
    draft: draft
      ? {
          name: draft.name,
          liveName: draft.liveName,
          score: draft.comparison.score,
          changes: draft.teams.map((change) => `${change.name}: ${describeTeamChange(change)}`),
          resolved: draft.comparison.flags.resolved.map((flag) => flag.message),
          introduced: draft.comparison.flags.introduced.map((flag) => flag.message),
        }
      : null,
  };
}
