import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsForm } from "@/components/settings/settings-form";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { getSettings } from "@/lib/server/organizations/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role, draft } = await requireOrgAccess(orgSlug);
  // A draft has no settings of its own: its live organisation's apply.
  if (draft) redirect(`/${draft.live.slug}/settings`);
  const { settings } = await getSettings({ actor: await currentActor(), orgSlug });
  const canEdit = can(role, "manage_settings");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {canEdit
            ? `How ${organization.name} works. Changes are recorded in History.`
            : `How ${organization.name} works. Only Owners change these.`}
        </p>
      </div>
      <SettingsForm orgSlug={orgSlug} settings={settings} canEdit={canEdit} />
    </div>
  );
}
