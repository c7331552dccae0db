import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DownloadPngButton } from "@/components/import-export/download-png-button";
import { TeamWorkspace } from "@/components/map/team-workspace";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { getMapState } from "@/lib/server/map/get-map-state";

type TProps = { params: Promise<{ orgSlug: string; teamId: string }> };

// Shared by the metadata and the page within one request.
const load = cache(async (orgSlug: string, teamId: string) => {
  const access = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug, scope: { teamId } }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  // Only by id: a key would give the page a second address.
  const team = state.map.teams.find((candidate) => candidate.id === teamId);
  if (!team) notFound();
  return { access, state, team };
});

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { orgSlug, teamId } = await props.params;
  const { team } = await load(orgSlug, teamId);
  return { title: team.name };
}

export default async function TeamPage(props: TProps) {
  const { orgSlug, teamId } = await props.params;
  const { access, state, team } = await load(orgSlug, teamId);
  const { organization, role } = access;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/${organization.slug}`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          ← All teams
        </Link>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{team.name}</h1>
          <DownloadPngButton
            targetId="team-matrix"
            fileName={`${organization.slug}-${team.key}-matrix.png`}
            description={`the ${team.name} matrix`}
          />
        </div>
        {team.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{team.description}</p>}
      </div>
      <TeamWorkspace
        orgId={organization.id}
        orgSlug={organization.slug}
        teamId={team.id}
        canEdit={can(role, "edit_map")}
        initial={state}
      />
    </div>
  );
}
