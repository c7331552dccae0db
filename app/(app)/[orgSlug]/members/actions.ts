"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { currentActor } from "@/lib/auth";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";
import { actionError, assertAddresses, formValues, parseForm, type TActionState } from "@/lib/server/http/action-state";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { ZChangeMemberRole, ZCreateInvitation } from "@/lib/validation/accounts";

export async function inviteMemberAction(orgSlug: string, _previous: TActionState, formData: FormData) {
  const values = formValues(formData, ["email", "role"]);
  try {
    assertAddresses(orgSlug);
    const invitation = await createInvitation({
      actor: await currentActor(),
      orgSlug,
      origin: requestOrigin(await headers()),
      ...parseForm(ZCreateInvitation, values),
    });
    revalidatePath(`/${orgSlug}/members`);
    return {
      ok: true,
      message: `Invitation for ${invitation.email} created. Copy the link and send it to them; it works once, for 7 days.`,
      reveal: invitation.link,
    } satisfies TActionState;
  } catch (error) {
    return actionError(error, values);
  }
}

export async function changeMemberRoleAction(
  orgSlug: string,
  userId: string,
  _previous: TActionState,
  formData: FormData,
) {
  try {
    assertAddresses(orgSlug, userId);
    const { role } = parseForm(ZChangeMemberRole, formValues(formData, ["role"]));
    await changeMemberRole({ actor: await currentActor(), orgSlug, userId, role });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true } satisfies TActionState;
  } catch (error) {
    return actionError(error);
  }
}

export async function removeMemberAction(orgSlug: string, userId: string, _previous: TActionState) {
  try {
    assertAddresses(orgSlug, userId);
    await removeMember({ actor: await currentActor(), orgSlug, userId });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true } satisfies TActionState;
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeInvitationAction(orgSlug: string, invitationId: string, _previous: TActionState) {
  try {
    assertAddresses(orgSlug, invitationId);
    await revokeInvitation({ actor: await currentActor(), orgSlug, invitationId });
    revalidatePath(`/${orgSlug}/members`);
    return { ok: true } satisfies TActionState;
  } catch (error) {
    return actionError(error);
  }
}
