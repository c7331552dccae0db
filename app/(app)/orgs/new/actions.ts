"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth";
import { actionError, formValues, parseForm, type TActionState } from "@/lib/server/http/action-state";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { ZCreateOrganization } from "@/lib/validation/accounts";

export async function createOrganizationAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData, ["name", "slug"]);
  let slug: string;
  try {
    const organization = await createOrganization({
      actor: await currentActor(),
      ...parseForm(ZCreateOrganization, values),
    });
    slug = organization.slug;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(`/${slug}`);
}
