import "server-only";
import type { TJournalPage } from "@/lib/domain/journal";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import type { TJournalQuery } from "@/lib/validation/journal";
import { readJournalPage } from "./read-journal";

/**
 * A page of the organisation's journal (see readJournalPage). A team or person filter may be an id or a key; an
 * id the map no longer has still filters, for the history of what was deleted.
 */
export async function getJournal({
  actor,
  orgSlug,
  query,
}: {
  actor: TActor | null;
  orgSlug: string;
  query: TJournalQuery;
}): Promise<TJournalPage> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map } = await mapSnapshots.read(organization.id);
  const resolve = (ref: string | undefined, candidates: readonly { id: string; key: string }[]) =>
    ref === undefined ? undefined : (candidates.find((item) => item.id === ref || item.key === ref)?.id ?? ref);
  return readJournalPage(organization.id, query, {
    teamId: resolve(query.teamId, map.teams),
    personId: resolve(query.personId, map.people),
  });
}
