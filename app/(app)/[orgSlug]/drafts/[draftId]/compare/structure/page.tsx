import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StructureView } from "@/components/structure/structure-view";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { describeTeamChange, teamChanges } from "@/lib/domain/map-compare";
import { draftComparePath } from "@/lib/domain/page-paths";
import type { TPackedStructure } from "@/lib/domain/structure-pack";
import type { TTeamMarks } from "@/lib/domain/structure-svg";
import { AppError } from "@/lib/errors";
import { compareDraft, getDraft } from "@/lib/server/drafts/drafts";
import { getStructure } from "@/lib/server/map/get-structure";

export const metadata: Metadata = { title: "Compare draft: structure" };

type TProps = {
  params: Promise<{ orgSlug: string; draftId: string }>;
  searchParams: Promise<{ with?: string | string[] }>;
};

/** The draft's structure, the teams it adds or changes against live (or another draft) marked. */
export default async function CompareDraftStructurePage({ params, searchParams }: TProps) {
  const { orgSlug, draftId } = await params;
  const requested = (await searchParams).with;
  const withRef = (Array.isArray(requested) ? requested[0] : requested) || "live";
  const { organization, draft: workspace } = await requireOrgAccess(orgSlug);
  if (workspace) redirect(`/${workspace.live.slug}/drafts/${draftId}/compare/structure`);

  const actor = await currentActor();
  const { draft } = await getDraft({ actor, orgSlug, draftId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [comparison, { structure }] = await Promise.all([
    compareDraft({ actor, orgSlug, draftId, withRef }).catch((error: unknown) => {
      // Another draft that is not there (any more): compared with live, as the compare page does.
      if (error instanceof AppError && error.code === "not_found") {
        return compareDraft({ actor, orgSlug, draftId, withRef: "live" });
      }
      throw error;
    }),
    getStructure({ actor, orgSlug: draft.slug }),
  ]);
  const changes = teamChanges(comparison);
  const marks: Record<string, TTeamMarks[string]> = {};
  for (const change of changes) {
    if (change.kind !== "removed") {
      marks[change.key] = { kind: change.kind, description: `${describeTeamChange(change)} in this draft` };
    }
  }
  const removed = changes.filter((change) => change.kind === "removed");
  const withName = comparison.with.kind === "live" ? `Live (${organization.name})` : comparison.with.name;
  const compareHref = draftComparePath(
    organization.slug,
    draft.id,
    comparison.with.kind === "draft" ? comparison.with.id : null,
  );
  const shown = changes.length - removed.length;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href={compareHref} className="font-medium text-indigo-600 dark:text-indigo-400">
            ← Compare &ldquo;{draft.name}&rdquo;
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Structure of &ldquo;{draft.name}&rdquo;</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="structure-changes">
          Against {withName}:{" "}
          {shown === 0
            ? "no team on the picture is new or changed"
            : `${shown} ${shown === 1 ? "team is" : "teams are"} new or changed, outlined and labelled on the picture`}
          {removed.length > 0 &&
            `; ${removed.length === 1 ? "one team is" : `${removed.length} teams are`} removed: ${removed.map((team) => team.name).join(", ")}`}
          .
        </p>
      </div>
      <StructureView
        packed={structure satisfies TPackedStructure}
        orgSlug={draft.slug}
        marks={marks}
        fileName={`${draft.slug}-structure-changes`}
        title={`${draft.name}: structure, changes against ${withName}`}
      />
    </div>
  );
}
