import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DraftsManager } from "@/components/drafts/drafts-manager";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { listDrafts } from "@/lib/server/drafts/drafts";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role, draft } = await requireOrgAccess(orgSlug);
  // Drafts belong to the live organisation, whichever draft the address came from.
  if (draft) redirect(`/${draft.live.slug}/drafts`);
  const { drafts } = await listDrafts({ actor: await currentActor(), orgSlug });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Drafts</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          A draft is a full copy of {organization.name}&apos;s map to plan a reorganisation in. Nothing done in a draft
          touches the live map until the draft is published; compare it with live first to see what it changes.
        </p>
      </div>
      <DraftsManager orgSlug={organization.slug} drafts={drafts} canEdit={can(role, "edit_map")} />
    </div>
  );
}
