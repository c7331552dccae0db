"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth";
import { actionError, assertAddresses, formValues, parseForm, type TActionState } from "@/lib/server/http/action-state";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { ZCreateApiToken } from "@/lib/validation/accounts";

export async function createApiTokenAction(orgSlug: string, _previous: TActionState, formData: FormData) {
  const values = formValues(formData, ["name", "role"]);
  try {
    assertAddresses(orgSlug);
    const token = await createApiToken({ actor: await currentActor(), orgSlug, ...parseForm(ZCreateApiToken, values) });
    revalidatePath(`/${orgSlug}/tokens`);
    return {
      ok: true,
      message: `Token "${token.name}" created. Copy it now: Remit keeps only its hash and cannot show it again.`,
      reveal: token.secret,
    } satisfies TActionState;
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeApiTokenAction(orgSlug: string, tokenId: string, _previous: TActionState) {
  try {
    assertAddresses(orgSlug, tokenId);
    await revokeApiToken({ actor: await currentActor(), orgSlug, tokenId });
    revalidatePath(`/${orgSlug}/tokens`);
    return { ok: true } satisfies TActionState;
  } catch (error) {
    return actionError(error);
  }
}
