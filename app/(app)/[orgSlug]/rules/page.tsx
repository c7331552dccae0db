import type { Metadata } from "next";
import { RulesEditor } from "@/components/rules/rules-editor";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { compareDuties } from "@/lib/domain/model";
import { can } from "@/lib/domain/roles";
import { getMapState } from "@/lib/server/map/get-map-state";
import { listRules } from "@/lib/server/map/list-rules";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role, draft } = await requireOrgAccess(orgSlug);
  const actor = await currentActor();
  const [rules, state] = await Promise.all([listRules({ actor, orgSlug }), getMapState({ actor, orgSlug })]);
  // A draft has rules of its own: a change there is tried in the draft and published with it.
  const canEdit = can(role, "edit_map");
  const duties = [...state.map.duties].sort(compareDuties).map(({ key, name }) => ({ key, name }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Rules</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          What counts as a gap or an overlap in {draft ? `this draft of ${draft.live.name}` : organization.name}: every
          screen flags the map against these rules, and the health score counts what they flag.{" "}
          {draft && canEdit ? `A change here stays in the draft until it is published to ${draft.live.name}. ` : ""}
          {canEdit
            ? "See a change's effect before you save it."
            : draft?.isPublished
              ? "This draft has been published; its rules are kept read-only."
              : "You can read the rules; ask an Owner for the Manager role to change them."}
        </p>
      </div>
      <RulesEditor
        orgId={organization.id}
        orgSlug={organization.slug}
        canEdit={canEdit}
        rules={rules}
        duties={duties}
      />
    </div>
  );
}
