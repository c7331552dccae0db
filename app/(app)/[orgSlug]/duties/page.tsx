import type { Metadata } from "next";
import { DutyCatalogue } from "@/components/duties/duty-catalogue";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { getMapState } from "@/lib/server/map/get-map-state";

export const metadata: Metadata = { title: "Duties" };

export default async function DutiesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug, scope: "duties" });
  const canEdit = can(role, "edit_map");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Duties</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The duties every team shares, in the order their matrices show them.
          {canEdit ? "" : " You can read the catalogue; ask an Owner for the Manager role to change it."}
        </p>
      </div>
      <DutyCatalogue orgId={organization.id} orgSlug={organization.slug} canEdit={canEdit} initial={state} />
    </div>
  );
}
