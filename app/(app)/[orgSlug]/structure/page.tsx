import type { Metadata } from "next";
import { OrgStructure } from "@/components/structure/org-structure";
import { TimeTravelBar } from "@/components/map/time-travel-bar";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { viewMoment } from "@/lib/domain/journal";
import { getPlan } from "@/lib/server/map/get-plan";
import { getStructure } from "@/lib/server/map/get-structure";

type TProps = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ at?: string | string[] }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { organization } = await requireOrgAccess((await params).orgSlug);
  return { title: `Structure · ${organization.name}` };
}

export default async function StructurePage({ params, searchParams }: TProps) {
  const { orgSlug } = await params;
  const at = viewMoment((await searchParams).at);
  const { organization } = await requireOrgAccess(orgSlug);
  const actor = await currentActor();
  const [{ structure, loadedAt }, plan] = await Promise.all([
    getStructure({ actor, orgSlug, at }),
    getPlan({ actor, orgSlug, at }),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Structure</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Each team with its slots and who holds them, coloured by health. A line joins teams that share people: the
          more time they share, the thicker; red when someone is overloaded.
        </p>
      </div>
      {at && <TimeTravelBar at={at.toISOString()} what="the organisation" plan={plan} />}
      <OrgStructure
        orgId={organization.id}
        orgSlug={organization.slug}
        packedJson={JSON.stringify(structure)}
        loadedAt={loadedAt}
        at={at?.toISOString()}
        fileName={`${organization.slug}-structure`}
        title={`${organization.name}: structure`}
      />
      {!at && <TimeTravelBar at={null} what="the organisation" />}
    </div>
  );
}
