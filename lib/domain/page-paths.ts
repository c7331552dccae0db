/**
 * The addresses of the map's pages. They name teams and people by key ("/acme/teams/checkout"), so that an address
 * can be read and shared; the pages also accept an id, and send it on to the key's address.
 */

/** A team's page, at a past moment when `at` (an ISO moment) is given. */
export function teamPagePath(orgSlug: string, team: { key: string }, at?: string | null): string {
  return `/${orgSlug}/teams/${encodeURIComponent(team.key)}${at ? `?at=${encodeURIComponent(at)}` : ""}`;
}

/** A person's page. */
export function personPagePath(orgSlug: string, person: { key: string }): string {
  return `/${orgSlug}/people/${encodeURIComponent(person.key)}`;
}

/** The entity a page's address names, by id or key, as the API resolves them (an id first). */
export function findByAddress<T extends { id: string; key: string }>(
  entities: readonly T[],
  ref: string,
): T | undefined {
  return entities.find((entity) => entity.id === ref) ?? entities.find((entity) => entity.key === ref);
}

/** A draft's compare page, or with `part` "structure" its picture, against live or another draft (`withDraftId`). */
export function draftComparePath(
  liveSlug: string,
  draftId: string,
  withDraftId: string | null,
  part?: "structure",
): string {
  const query = withDraftId ? `?with=${encodeURIComponent(withDraftId)}` : "";
  return `/${liveSlug}/drafts/${encodeURIComponent(draftId)}/compare${part ? `/${part}` : ""}${query}`;
}
