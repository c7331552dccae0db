import type { Metadata } from "next";
import { DownloadPngButton } from "@/components/import-export/download-png-button";
import { OrgOverview } from "@/components/map/org-overview";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { NewTeamForm } from "@/components/map/new-team-form";
import { getMapState } from "@/lib/server/map/get-map-state";

type TProps = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { organization } = await requireOrgAccess((await params).orgSlug);
  return { title: organization.name };
}

export default async function OrganizationPage({ params }: TProps) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug });
  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{organization.name}</h1>
          <DownloadPngButton
            targetId="overview-table"
            fileName={`${organization.slug}-overview.png`}
            description="the overview table"
          />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You are {role === "OWNER" ? "an" : "a"} {ROLE_LABELS[role]} here. Each cell shows who is accountable for a
          duty in a team.
        </p>
      </div>
      {can(role, "edit_map") && <NewTeamForm orgId={organization.id} orgSlug={organization.slug} />}
      <OrgOverview orgId={organization.id} orgSlug={organization.slug} initial={state} />
    </div>
  );
}
