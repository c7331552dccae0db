import type { TDraftView } from "@/lib/domain/drafts";
import { DRAFT_DESCRIPTION_MAX, DRAFT_NAME_MAX } from "@/lib/validation/drafts";

export type { TDraftComparison } from "@/lib/domain/drafts";
export { DRAFT_DESCRIPTION_MAX, DRAFT_NAME_MAX };

/** A draft as the drafts API answers it (see lib/server/drafts). */
export type TDraft = TDraftView;

/** The errors a draft's name and description have before they are sent; the server checks again. */
export function draftFieldErrors({ name, description }: { name: string; description: string }) {
  const fields: Record<string, string[]> = {};
  if (!name.trim()) fields.name = ["Give the draft a name."];
  else if (name.trim().length > DRAFT_NAME_MAX) fields.name = [`Keep the name to ${DRAFT_NAME_MAX} characters.`];
  if (description.trim().length > DRAFT_DESCRIPTION_MAX) {
    fields.description = [`Keep the description to ${DRAFT_DESCRIPTION_MAX} characters.`];
  }
  return fields;
}
