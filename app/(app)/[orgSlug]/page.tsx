import type { Metadata } from "next";
import { OrgOverview } from "@/components/map/org-overview";
import { ReportButton } from "@/components/map/report-button";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { NewTeamForm } from "@/components/map/new-team-form";
import { getPackedOverview } from "@/lib/server/map/get-packed-overview";
import { getFirstSteps } from "@/lib/server/map/get-first-steps";
import { getPlan } from "@/lib/server/map/get-plan";
import { getComingUp } from "@/lib/server/journal/get-timeline";
import { ComingUp } from "@/components/map/coming-up";
import { FirstSteps } from "@/components/map/first-steps";
import { HealthTrend } from "@/components/map/health-trend";
import { TimeTravelBar } from "@/components/map/time-travel-bar";
import { viewMoment } from "@/lib/domain/journal";
import { SuggestPlan } from "@/components/drafts/suggest-plan";

type TProps = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ at?: string | string[] }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { organization } = await requireOrgAccess((await params).orgSlug);
  return { title: organization.name };
}

export default async function OrganizationPage({ params, searchParams }: TProps) {
  const { orgSlug } = await params;
  const at = viewMoment((await searchParams).at);
  const { organization, role, draft } = await requireOrgAccess(orgSlug);
  const canPlan = can(role, "edit_map") && !at && !draft?.isPublished;
  const actor = await currentActor();
  const [overview, steps, plan, comingUp] = await Promise.all([
    getPackedOverview({ actor, orgSlug, at }),
    at ? null : getFirstSteps({ actor, orgSlug }),
    getPlan({ actor, orgSlug, at }),
    at ? null : getComingUp({ actor, orgSlug }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{organization.name}</h1>
          <div className="flex flex-wrap items-center gap-3">
            {canPlan && <SuggestPlan liveSlug={draft?.live.slug ?? organization.slug} fromDraftId={draft?.id} />}
            {!at && <ReportButton orgSlug={organization.slug} fileName={`${organization.slug}-report.pdf`} />}
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You are {role === "OWNER" ? "an" : "a"} {ROLE_LABELS[role]} here. Each cell shows who is accountable for a
          duty in a team.
        </p>
      </div>
      {steps && <FirstSteps steps={steps} orgSlug={organization.slug} />}
      {at && <TimeTravelBar at={at.toISOString()} what="the organisation" plan={plan} />}
      {/* The map first: the page is for it. What changes it, and its trend, come after. */}
      <OrgOverview
        at={at?.toISOString()}
        orgId={organization.id}
        orgSlug={organization.slug}
        packed={overview}
        pngFileName={`${organization.slug}-overview.png`}
      />
      {can(role, "edit_map") && !at && <NewTeamForm orgId={organization.id} orgSlug={organization.slug} />}
      {comingUp && <ComingUp items={comingUp} orgSlug={organization.slug} />}
      {!at && <TimeTravelBar at={null} what="the organisation" />}
      {!at && <HealthTrend orgId={organization.id} orgSlug={organization.slug} />}
    </div>
  );
}
