import "server-only";
import { db } from "@/lib/db";
import { healthHistory, healthPoint, lastDays, type THealthPoint } from "@/lib/domain/health-history";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readMapRows } from "./apply-rows";
import { readEntries } from "./read-journal";

export const HEALTH_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Finished days never change (the journal only grows, at the time of each change), so their points are kept, for a
 * few organisations.
 */
const finishedDays = new Map<string, Map<string, THealthPoint>>();
const MAX_ORGANIZATIONS = 8;

function rememberFinished(organizationId: string, points: readonly THealthPoint[], today: string): void {
  const known = finishedDays.get(organizationId) ?? new Map<string, THealthPoint>();
  for (const point of points) if (point.day !== today) known.set(point.day, point);
  finishedDays.delete(organizationId);
  finishedDays.set(organizationId, known);
  while (finishedDays.size > MAX_ORGANIZATIONS) finishedDays.delete(finishedDays.keys().next().value!);
}

/**
 * The organisation's health at the end of each of the last 30 days (today: now), oldest first, from the journal.
 * Days before the journal's first entry for the organisation are left out.
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
  const known = finishedDays.get(organizationId) ?? new Map<string, THealthPoint>();
  const points = await db.$transaction(
    async (tx) => {
      const [first] = await tx.$queryRaw<{ at: Date | null }[]>`
        SELECT min(at) AS at FROM journal_entry WHERE organization_id = ${organizationId}`;
      const since = (first?.at ?? new Date(now)).toISOString();
      const wanted = days.filter((day) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString() > since);
      const rows = await readMapRows(tx, organizationId);
      const missing = wanted.filter((day) => day !== today && !known.has(day));
      if (missing.length === 0) return [...wanted.slice(0, -1).map((day) => known.get(day)!), healthPoint(today, rows)];
      const oldestEnd = new Date(Date.parse(`${missing[0]}T00:00:00.000Z`) + DAY_MS);
      const entries = await readEntries(tx, organizationId, Prisma.sql`at >= ${oldestEnd}`);
      return healthHistory({ rows, entries, days: wanted, since, known });
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  rememberFinished(organizationId, points, today);
  return { days: points };
}
