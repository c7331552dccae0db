import "server-only";
import { db } from "@/lib/db";
import { REVIEW_SENTENCES, settingsChanges, type TOrganizationSettings } from "@/lib/domain/review";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { addJournalNote } from "@/lib/server/kernel/journal-note";

const SETTINGS_SELECT = { approvalsRequired: true, viewersMayComment: true } as const;

type TSettingsCall = { actor: TActor | null; orgSlug: string };

/** The live organisation at `orgSlug`: a draft's workspace has no settings of its own. */
async function settingsAccess(actor: TActor | null, orgSlug: string, permission: "read" | "manage_settings") {
  const access = await authorize({ actor, orgSlug, permission });
  if (access.draft) {
    throw new AppError(
      "invalid_input",
      `A draft has no settings of its own; use /orgs/${access.draft.live.slug}/settings.`,
    );
  }
  return access;
}

/** The organisation's settings (any member). */
export async function getSettings({ actor, orgSlug }: TSettingsCall): Promise<{ settings: TOrganizationSettings }> {
  const { organization } = await settingsAccess(actor, orgSlug, "read");
  const settings = await db.organization.findUniqueOrThrow({
    where: { id: organization.id },
    select: SETTINGS_SELECT,
  });
  return { settings };
}

/**
 * Changes the organisation's settings (Owners): what `changes` leaves out keeps its value. A change is recorded in
 * History; one that changes nothing is not.
 */
export async function updateSettings({
  actor,
  orgSlug,
  changes,
}: TSettingsCall & { changes: Partial<TOrganizationSettings> }): Promise<{ settings: TOrganizationSettings }> {
  const { organization, actor: author } = await settingsAccess(actor, orgSlug, "manage_settings");
  const settings = await db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ approvals_required: number; viewers_may_comment: boolean }[]>`
      SELECT approvals_required, viewers_may_comment FROM organization WHERE id = ${organization.id} FOR UPDATE`;
    if (!before) throw new AppError("not_found", "This organisation was deleted meanwhile.");
    const after = await tx.organization.update({
      where: { id: organization.id },
      data: changes,
      select: SETTINGS_SELECT,
    });
    const changed = settingsChanges(
      { approvalsRequired: before.approvals_required, viewersMayComment: before.viewers_may_comment },
      after,
    );
    if (changed.length > 0) {
      const named = journalActor(author);
      await addJournalNote(tx, {
        organizationId: organization.id,
        actor: named,
        action: "settings.update",
        sentence: REVIEW_SENTENCES.settingsChanged(named.name, changed),
      });
    }
    return after;
  });
  return { settings };
}
