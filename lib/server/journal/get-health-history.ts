import "server-only";
import { db } from "@/lib/db";
import { healthHistory, healthPointOf, lastDays, type THealthPoint } from "@/lib/domain/health-history";
import { listRuleSettings } from "@/lib/domain/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import { readMapRows } from "@/lib/server/kernel/apply-rows";
import { readEntries } from "@/lib/server/kernel/journal-entries";

export const HEALTH_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * What never changes, kept for a few organisations: when the organisation's journal began, and the points of
 * finished days (the journal only grows, at the time of each change).
 */
type TKnown = { since: string; days: Map<string, THealthPoint>; rules: string };
const remembered = new Map<string, TKnown>();
const MAX_ORGANIZATIONS = 8;

function remember(
  organizationId: string,
  { since, rules }: Omit<TKnown, "days">,
  points: readonly THealthPoint[],
  today: string,
): void {
  const before = remembered.get(organizationId);
  const days = before?.rules === rules ? before.days : new Map<string, THealthPoint>();
  for (const point of points) if (point.day !== today) days.set(point.day, point);
  remembered.delete(organizationId);
  remembered.set(organizationId, { since, days, rules });
  while (remembered.size > MAX_ORGANIZATIONS) remembered.delete(remembered.keys().next().value!);
}

/** The days whose end came after the journal began: nothing is known of the ones before. */
function daysSince(days: readonly string[], since: string): string[] {
  return days.filter((day) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString() > since);
}

/**
 * The organisation's health at the end of each of the last 30 days (today: now), oldest first, from the journal.
 * Days before the journal's first entry for the organisation are left out. Every day is judged by today's rules (the
 * chart says so), so the days kept are forgotten when the rules change. Once the finished days are known, a
 * request costs no more than the map's cached analysis (today's point); rebuilding them replays the journal.
 */
export async function getHealthHistory({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ days: THealthPoint[] }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const organizationId = organization.id;
  const now = Date.now();
  const days = lastDays(HEALTH_HISTORY_DAYS, now);
  const today = days.at(-1)!;

  const snapshot = await mapSnapshots.read(organizationId);
  const rules = JSON.stringify(listRuleSettings(snapshot.rules));
  const remembering = remembered.get(organizationId);
  const known = remembering?.rules === rules ? remembering : undefined;
  if (known) {
    const wanted = daysSince(days, known.since);
    if (wanted.every((day) => day === today || known.days.has(day))) {
      const { analysis } = snapshot;
      const finished = wanted.filter((day) => day !== today).map((day) => known.days.get(day)!);
      return { days: [...finished, healthPointOf(today, analysis)] };
    }
  }

  const { began, points } = await db.$transaction(
    async (tx) => {
      const [first] = await tx.$queryRaw<{ at: Date | null }[]>`
        SELECT min(at) AS at FROM journal_entry WHERE organization_id = ${organizationId}`;
      const began = first?.at?.toISOString() ?? null;
      const since = began ?? new Date(now).toISOString();
      const wanted = daysSince(days, since);
      const rows = await readMapRows(tx, organizationId);
      const missing = wanted.filter((day) => day !== today && !known?.days.has(day));
      const oldestEnd = new Date(Date.parse(`${missing[0] ?? today}T00:00:00.000Z`) + DAY_MS);
      const entries = missing.length > 0 ? await readEntries(tx, organizationId, Prisma.sql`at >= ${oldestEnd}`) : [];
      return {
        began,
        points: healthHistory({ rows, entries, days: wanted, since, known: known?.days, rules: snapshot.rules }),
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  // Until the journal has begun, its beginning is not known yet.
  if (began !== null) remember(organizationId, { since: began, rules }, points, today);
  return { days: points };
}
