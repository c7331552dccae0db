import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DraftComments } from "@/components/comments/draft-comments";
import { ComparisonView } from "@/components/drafts/comparison-view";
import { CrossWorkspaceLink } from "@/components/drafts/cross-workspace-link";
import { DownloadJsonButton } from "@/components/drafts/download-json-button";
import { PlanChanges } from "@/components/drafts/plan-changes";
import { ReportButton } from "@/components/map/report-button";
import { PublishPanel } from "@/components/drafts/publish-panel";
import { ReviewPanel } from "@/components/drafts/review-panel";
import { SchedulePanel } from "@/components/drafts/schedule-panel";
import { Button, buttonClassName } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { draftComparePath } from "@/lib/domain/page-paths";
import { mayReview } from "@/lib/domain/review";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { compareDraft, getDraft, listDrafts } from "@/lib/server/drafts/drafts";
import { getCommentRights } from "@/lib/server/comments/get-comment-rights";
import { getMapState } from "@/lib/server/map/get-map-state";
import { listMembers } from "@/lib/server/members/list-members";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Compare draft" };

type TProps = {
  params: Promise<{ orgSlug: string; draftId: string }>;
  searchParams: Promise<{ with?: string | string[] }>;
};

export default async function CompareDraftPage({ params, searchParams }: TProps) {
  const { orgSlug, draftId } = await params;
  const requested = (await searchParams).with;
  const withRef = (Array.isArray(requested) ? requested[0] : requested) || "live";
  const { organization, role, draft: workspace, actor: viewer } = await requireOrgAccess(orgSlug);
  // Drafts are compared from their live organisation's address.
  if (workspace) redirect(`/${workspace.live.slug}/drafts/${draftId}/compare`);

  const actor = await currentActor();
  const [found, { drafts }, commentRights] = await Promise.all([
    getDraft({ actor, orgSlug, draftId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listDrafts({ actor, orgSlug }),
    getCommentRights({ actor, orgSlug }),
  ]);
  const { draft } = found;
  const others = drafts.filter((other) => other.id !== draft.id);
  const isKnownRef = withRef === "live" || others.some((other) => other.id === withRef);
  const comparison = await compareDraft({ actor, orgSlug, draftId, withRef: isKnownRef ? withRef : "live" });
  const canPublish = can(role, "edit_map") && !draft.publishedAt;
  // A conflict names a slot's holder by key: both maps' people give the names to show instead.
  const personNames = canPublish
    ? Object.fromEntries(
        (
          await Promise.all([orgSlug, draft.slug].map((slug) => getMapState({ actor, orgSlug: slug, scope: "people" })))
        ).flatMap(({ map }) => map.people.map((person) => [person.key, person.name])),
      )
    : {};
  const withName = comparison.with.kind === "live" ? `Live (${organization.name})` : comparison.with.name;
  const userId = viewer.kind === "user" ? viewer.userId : "";
  // Who may be chosen to review: the Managers and Owners, other than the one submitting.
  const candidates = canPublish
    ? (await listMembers({ actor, orgSlug }))
        .filter((member) => mayReview(member.role) && member.userId !== userId)
        .map((member) => ({ id: member.userId, name: member.name, role: ROLE_LABELS[member.role] }))
    : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href={`/${organization.slug}/drafts`} className="font-medium text-indigo-600 dark:text-indigo-400">
              ← All drafts
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">Compare &ldquo;{draft.name}&rdquo;</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            With {withName}: what the draft changes, and what that does to flags and health.
            {draft.publishedAt && (
              <>
                {" "}
                Published <DateTime value={new Date(draft.publishedAt)} />; it is kept read-only.
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="compare-with" className="block text-sm font-medium">
                Compare with
              </label>
              <select
                id="compare-with"
                name="with"
                defaultValue={comparison.with.kind === "live" ? "live" : comparison.with.id}
                className="mt-1 block rounded-md border-0 bg-white py-2 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
              >
                <option value="live">Live ({organization.name})</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    Draft: {other.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </form>
          <CrossWorkspaceLink href={`/${draft.slug}`} className={buttonClassName("secondary")}>
            Open the draft
          </CrossWorkspaceLink>
          <Link
            href={draftComparePath(
              organization.slug,
              draft.id,
              comparison.with.kind === "draft" ? comparison.with.id : null,
              "structure",
            )}
            className={buttonClassName("secondary")}
          >
            Changes on the structure
          </Link>
          {comparison.with.kind === "live" && (
            <ReportButton orgSlug={draft.slug} fileName={`${draft.slug}-report.pdf`} label="Download report (PDF)" />
          )}
          <DownloadJsonButton
            data={comparison}
            fileName={`${draft.slug}-compare-${comparison.with.kind === "live" ? "live" : comparison.with.id}.json`}
            label="Download JSON"
          />
        </div>
      </div>
      {!isKnownRef && (
        <p
          role="alert"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          There is no other draft &ldquo;{withRef}&rdquo; here; showing the comparison with live instead.
        </p>
      )}
      {/* Kept after publishing, which refreshes this page, so that its success message stays. */}
      {can(role, "edit_map") && (
        <PublishPanel
          liveSlug={organization.slug}
          liveName={organization.name}
          draft={draft}
          personNames={personNames}
        />
      )}
      <ReviewPanel
        liveSlug={organization.slug}
        draft={draft}
        candidates={candidates}
        userId={userId}
        canSubmit={canPublish}
        canReview={canPublish}
      />
      <DraftComments
        orgId={organization.id}
        liveSlug={organization.slug}
        draft={draft}
        rights={commentRights}
        userId={userId}
        isInline
      />
      <SchedulePanel liveSlug={organization.slug} draft={draft} canEdit={canPublish} />
      {draft.plan && <PlanChanges plan={draft.plan} />}
      <ComparisonView comparison={comparison} draftName={draft.name} withName={withName} />
    </div>
  );
}
