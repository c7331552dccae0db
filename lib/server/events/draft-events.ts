import "server-only";
import type { TAnyEventKind, TEvent, TEventData } from "@/lib/domain/events";
import type { TJournalActor } from "@/lib/domain/journal";
import { screenUrl } from "./event-rows";

/**
 * An event about a draft of the live organisation `organization` (its id, slug and name): linked to the draft's
 * comparison with live, where it is reviewed, published and scheduled.
 */
export function draftEvent(
  kind: TAnyEventKind & `draft.${string}`,
  {
    organization,
    draft,
    actor,
    sentence,
    details,
  }: {
    organization: { id: string; slug: string; name: string };
    draft: { id: string; name: string };
    actor: TJournalActor;
    sentence: string;
    details?: TEventData["details"];
  },
): TEvent {
  return {
    kind,
    data: {
      organization: { id: organization.id, key: organization.slug, name: organization.name },
      draft,
      actor,
      sentence,
      url: screenUrl(`/${organization.slug}/drafts/${draft.id}/compare`),
      ...(details ? { details } : {}),
    },
  };
}
