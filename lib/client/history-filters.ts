// The History page's filters as they sit in its URL, so that a filtered view can be shared; shared by the page
// (first render on the server) and the client component. Dates are whole days in UTC, as the app shows times.
import { JOURNAL_ACTIONS, JOURNAL_ENTITIES, type TJournalAction, type TJournalEntity } from "@/lib/domain/journal";

export type THistoryFilters = {
  teamId?: string;
  personId?: string;
  actorId?: string;
  kind?: TJournalEntity;
  action?: TJournalAction;
  /** A day, YYYY-MM-DD (UTC), from its start. */
  from?: string;
  /** A day, YYYY-MM-DD (UTC), to its end. */
  to?: string;
};

export const HISTORY_FILTER_NAMES = ["teamId", "personId", "actorId", "kind", "action", "from", "to"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The filters a URL's query names; values that cannot be filters are left out. */
export function readHistoryFilters(read: (name: string) => string | null | undefined): THistoryFilters {
  const filters: THistoryFilters = {};
  const text = (name: string) => read(name)?.trim() || undefined;
  const teamId = text("teamId");
  const personId = text("personId");
  const actorId = text("actorId");
  const kind = text("kind");
  const action = text("action");
  const from = text("from");
  const to = text("to");
  if (teamId) filters.teamId = teamId;
  if (personId) filters.personId = personId;
  if (actorId) filters.actorId = actorId;
  if (kind && isOneOf(JOURNAL_ENTITIES, kind)) filters.kind = kind;
  if (action && isOneOf(JOURNAL_ACTIONS, action)) filters.action = action;
  if (from && isDay(from)) filters.from = from;
  if (to && isDay(to)) filters.to = to;
  return filters;
}

/** The filters as the page's own query string (without "?"). */
export function historySearch(filters: THistoryFilters): string {
  const params = new URLSearchParams();
  for (const name of HISTORY_FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** The filters as the journal API's query: days become the moments that bound them. */
export function journalQuery(filters: THistoryFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of HISTORY_FILTER_NAMES) {
    const value = filters[name];
    if (!value) continue;
    if (name === "from") query.from = `${value}T00:00:00.000Z`;
    else if (name === "to") query.to = `${value}T23:59:59.999Z`;
    else query[name] = value;
  }
  return query;
}

export function sameHistoryFilters(a: THistoryFilters, b: THistoryFilters): boolean {
  return HISTORY_FILTER_NAMES.every((name) => (a[name] ?? "") === (b[name] ?? ""));
}

export function hasHistoryFilters(filters: THistoryFilters): boolean {
  return HISTORY_FILTER_NAMES.some((name) => Boolean(filters[name]));
}
