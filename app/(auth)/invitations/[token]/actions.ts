"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth";
import { actionError, type TActionState } from "@/lib/server/http/action-state";
import { currentClientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export async function acceptInvitationAction(token: string, _previous: TActionState): Promise<TActionState> {
  let slug: string;
  try {
    slug = (await acceptInvitation({ actor: await currentActor(), token, ip: await currentClientAddress() })).slug;
  } catch (error) {
    return actionError(error);
  }
  redirect(`/${slug}`);
}
