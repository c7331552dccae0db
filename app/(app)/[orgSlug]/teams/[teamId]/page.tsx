import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { DownloadPngButton } from "@/components/import-export/download-png-button";
import { LinkPending } from "@/components/ui/link-pending";
import { TeamAtMoment } from "@/components/map/team-at-moment";
import { TeamWorkspace } from "@/components/map/team-workspace";
import { TimeTravelBar } from "@/components/map/time-travel-bar";
import { SuggestPlan } from "@/components/drafts/suggest-plan";
import { requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { viewMoment } from "@/lib/domain/journal";
import { findByAddress, teamPagePath } from "@/lib/domain/page-paths";
import { AppError } from "@/lib/errors";
import { getCommentRights } from "@/lib/server/comments/get-comment-rights";
import { getMapState } from "@/lib/server/map/get-map-state";
import { getPlan } from "@/lib/server/map/get-plan";

type TProps = {
  params: Promise<{ orgSlug: string; teamId: string }>;
  searchParams: Promise<{ at?: string | string[] }>;
};

/** `?at=`: a past moment to show the team as it was then, a future one as it is planned to be; else now. */
async function momentOf(props: TProps): Promise<Date | undefined> {
  return viewMoment((await props.searchParams).at);
}

// Shared by the metadata and the page within one request. `teamId` is the address's: a key, or an id.
const load = cache(async (orgSlug: string, teamId: string, at: Date | undefined) => {
  const access = await requireOrgAccess(orgSlug);
  const read = (moment: Date | undefined, ref = teamId) =>
    getMapState({ actor: access.actor, orgSlug, scope: { teamId: ref }, at: moment }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    });
  const state = await read(at);
  const team = state && findByAddress(state.map.teams, teamId);
  if (state && team) return { access, state, team, addressKey: team.key, isMissingThen: false };
  const now = at ? await read(undefined) : null;
  const teamNow = now && findByAddress(now.map.teams, teamId);
  if (!now || !teamNow) notFound();
  // The address names the team by its key of today, which it may not have had then.
  const then = teamNow.key === teamId ? await read(at, teamNow.id) : null;
  const teamThen = then?.map.teams.find((candidate) => candidate.id === teamNow.id);
  if (then && teamThen) return { access, state: then, team: teamThen, addressKey: teamNow.key, isMissingThen: false };
  // A team that exists now but did not then: say so, rather than "not found".
  return { access, state: now, team: teamNow, addressKey: teamNow.key, isMissingThen: true };
});

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { orgSlug, teamId } = await props.params;
  const { team } = await load(orgSlug, teamId, await momentOf(props));
  return { title: team.name };
}

export default async function TeamPage(props: TProps) {
  const { orgSlug, teamId } = await props.params;
  const at = await momentOf(props);
  const { access, state, team, addressKey, isMissingThen } = await load(orgSlug, teamId, at);
  const { organization, role, actor, draft } = access;
  // A draft's comments are its live organisation's.
  const liveSlug = draft ? draft.live.slug : organization.slug;
  const [plan, commentRights] = await Promise.all([
    getPlan({ actor, orgSlug, at }),
    getCommentRights({ actor, orgSlug: liveSlug }),
  ]);
  // One address per team: its key's (an id, from an older link, is sent on to it).
  if (teamId !== addressKey) redirect(teamPagePath(organization.slug, { key: addressKey }, at?.toISOString()));
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/${organization.slug}`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          ← All teams
          <LinkPending />
        </Link>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{team.name}</h1>
          <div className="flex flex-wrap items-center gap-3">
            {can(role, "edit_map") && !at && !draft?.isPublished && (
              <SuggestPlan
                liveSlug={draft?.live.slug ?? organization.slug}
                fromDraftId={draft?.id}
                team={{ key: team.key, name: team.name }}
              />
            )}
            <DownloadPngButton
              targetId="team-matrix"
              fileName={`${organization.slug}-${team.key}-matrix.png`}
              description={`the ${team.name} matrix`}
            />
          </div>
        </div>
        {team.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{team.description}</p>}
      </div>
      <TimeTravelBar at={at?.toISOString() ?? null} what={team.name} plan={plan} />
      {at && isMissingThen ? (
        <p role="status" className="text-slate-600 dark:text-slate-400">
          {plan
            ? `${team.name} will not exist then: a draft scheduled by then removes it.`
            : `${team.name} did not exist yet at that moment.`}
        </p>
      ) : at ? (
        <TeamAtMoment
          orgId={organization.id}
          orgSlug={organization.slug}
          teamId={team.id}
          at={at.toISOString()}
          map={state.map}
          rules={state.rules}
          canRestore={can(role, "edit_map") && !plan}
        />
      ) : (
        <TeamWorkspace
          orgId={organization.id}
          orgSlug={organization.slug}
          teamId={team.id}
          userId={actor.kind === "user" ? actor.userId : ""}
          canEdit={can(role, "edit_map")}
          initial={state}
          comments={{ liveSlug, draftId: draft?.id ?? null, rights: commentRights }}
        />
      )}
    </div>
  );
}
