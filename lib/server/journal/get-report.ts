import "server-only";
import { compareMaps, teamChanges } from "@/lib/domain/map-compare";
import { buildReport } from "@/lib/domain/report";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import { getHealthHistory } from "./get-health-history";
import { renderReportPdf } from "./render-report-pdf";

/**
 * The report to hand on, as a PDF: health and its trend, the teams that need attention with their flags in words,
 * the heatmap; at a draft's address (its workspace slug), also what the draft changes against live and which flags
 * it resolves and introduces.
 */
export async function getReport({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ filename: string; pdf: Uint8Array }> {
  const { organization, draft } = await authorize({ actor, orgSlug, permission: "read" });
  const [snapshot, { days }] = await Promise.all([
    mapSnapshots.read(organization.id),
    getHealthHistory({ actor, orgSlug }),
  ]);
  const live = draft ? await mapSnapshots.read(draft.live.id) : null;
  const comparison =
    draft && live ? compareMaps(live.map, snapshot.map, { before: live.rules, after: snapshot.rules }) : null;
  const report = buildReport({
    title: draft ? `${draft.live.name}: the draft "${draft.name}"` : `${organization.name}: responsibilities`,
    generatedAt: new Date().toISOString(),
    analysis: snapshot.analysis,
    overview: snapshot.overview,
    history: days,
    draft:
      draft && comparison
        ? { name: draft.name, liveName: draft.live.name, comparison, teams: teamChanges(comparison) }
        : undefined,
  });
  const slug = draft ? draft.live.slug : organization.slug;
  return { filename: `${slug}-report.pdf`, pdf: await renderReportPdf(report) };
}
