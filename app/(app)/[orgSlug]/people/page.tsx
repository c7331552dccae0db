import type { Metadata } from "next";
import { PeopleDirectory } from "@/components/people/people-directory";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { FIRST_PEOPLE_PAGE } from "@/lib/domain/people-view";
import { can } from "@/lib/domain/roles";
import { getMapState } from "@/lib/server/map/get-map-state";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug, scope: { people: FIRST_PEOPLE_PAGE } });
  const canEdit = can(role, "edit_map");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">People</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Who holds which slot in which team, and whether their slots fit in their time.
          {canEdit ? "" : " You can read this list; ask an Owner for the Manager role to change it."}
        </p>
      </div>
      <PeopleDirectory orgId={organization.id} orgSlug={organization.slug} canEdit={canEdit} initial={state} />
    </div>
  );
}
