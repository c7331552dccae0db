import type { Metadata } from "next";
import { HistoryView } from "@/components/history/history-view";
import { journalQuery, readHistoryFilters } from "@/lib/client/history-filters";
import { compareNames } from "@/lib/domain/model";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { getJournal } from "@/lib/server/journal/get-journal";
import { getMapState } from "@/lib/server/map/get-map-state";
import { listMembers } from "@/lib/server/members/list-members";
import { ZJournalQuery } from "@/lib/validation/journal";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const { organization, role, draft } = await requireOrgAccess(orgSlug);
  const actor = await currentActor();
  const search = await searchParams;
  const filters = readHistoryFilters((name) => {
    const value = search[name];
    return Array.isArray(value) ? value[0] : value;
  });
  // Filters the API refuses (e.g. "from" after "to") are fetched by the browser, which shows the API's message.
  const query = ZJournalQuery.safeParse(journalQuery(filters));
  // Both reads begin after this moment, so they show every change committed before it: the browser counts them as
  // fresh from then. (A server component renders once per request: this is the request's moment.)
  // eslint-disable-next-line react-hooks/purity
  const loadedAt = Date.now();
  const [state, members, page] = await Promise.all([
    getMapState({ actor, orgSlug, scope: "people" }),
    listMembers({ actor, orgSlug }),
    query.success ? getJournal({ actor, orgSlug, query: query.data }) : Promise.resolve(null),
  ]);
  const canUndo = can(role, "edit_map");
  const pick = ({ id, key, name }: { id: string; key: string; name: string }) => ({ id, key, name });
  // The person filter searches the server as it is typed in (a large organisation has thousands of people): only
  // the one a link names goes with the page.
  const chosen = filters.personId
    ? state.map.people.find((person) => person.key === filters.personId || person.id === filters.personId)
    : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">History</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every change to the map, newest first: who made it and when.
          {draft
            ? ` This draft's history begins when it was made from ${draft.live.name}; before that, it reads as it was made.`
            : ""}
          {canUndo
            ? " Undo puts back what a change replaced, unless a later change stands in the way."
            : " You can read the history; ask an Owner for the Manager role to undo changes."}
        </p>
      </div>
      <HistoryView
        orgId={organization.id}
        orgSlug={organization.slug}
        canUndo={canUndo}
        teams={[...state.map.teams].sort(compareNames).map(pick)}
        person={chosen ? pick(chosen) : null}
        members={members.map((member) => ({ id: member.userId, name: member.name }))}
        renderedAt={loadedAt}
        initial={page ? { filters, page, loadedAt } : null}
      />
    </div>
  );
}
