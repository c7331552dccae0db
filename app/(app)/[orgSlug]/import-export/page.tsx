import type { Metadata } from "next";
import { ImportExportPanel } from "@/components/import-export/import-export-panel";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { mapCounts } from "@/lib/domain/map-counts";
import { can } from "@/lib/domain/roles";
import { getMapState } from "@/lib/server/map/get-map-state";

export const metadata: Metadata = { title: "Import / export" };

export default async function ImportExportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Import / export</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Take the map out as JSON, CSV or a picture, or replace it with a map file.
        </p>
      </div>
      <ImportExportPanel
        orgId={organization.id}
        orgSlug={organization.slug}
        organizationName={organization.name}
        canEdit={can(role, "edit_map")}
        counts={mapCounts(state.map)}
      />
    </div>
  );
}
