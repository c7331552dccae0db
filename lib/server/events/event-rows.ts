import "server-only";
import { randomUUID } from "node:crypto";
import type { TEvent, TEventData } from "@/lib/domain/events";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An id with a readable prefix (`evt_`, `msg_`, `wh_`) and no dashes. */
export function prefixedId(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll("-", "")}`;
}

/** Keeps `events` (of the live organisation `organizationId`), in one statement, and answers their ids in order. */
export async function insertEvents(
  tx: Prisma.TransactionClient,
  organizationId: string,
  events: readonly TEvent[],
): Promise<string[]> {
  const rows = events.map((event) => ({
    id: prefixedId("evt_"),
    organizationId,
    kind: event.kind,
    payload: event.data as unknown as Prisma.InputJsonValue,
  }));
  if (rows.length > 0) await tx.event.createMany({ data: rows });
  return rows.map((row) => row.id);
}

/** An absolute link to a screen: the public address (AUTH_URL) when set, else this server on localhost. */
export function screenUrl(path: string): string {
  const base = process.env.AUTH_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? "3000"}`;
  return new URL(path, new URL(base).origin).toString();
}

/**
 * What every event of an organisation names: the live organisation, and the draft when `organizationId` is a
 * draft's workspace; `slug` is the address of the screens of `organizationId` itself (a draft's, in a draft).
 */
export async function eventScope(
  client: Prisma.TransactionClient,
  organizationId: string,
): Promise<{ liveId: string; slug: string; base: Pick<TEventData, "organization" | "draft"> }> {
  const org = await client.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      slug: true,
      id: true,
      name: true,
      draftOf: { select: { id: true, slug: true, name: true } },
      draft: { select: { id: true, name: true } },
    },
  });
  const live = org.draftOf ?? { id: org.id, slug: org.slug, name: org.name };
  return {
    liveId: live.id,
    slug: org.slug,
    base: {
      organization: { id: live.id, key: live.slug, name: live.name },
      draft: org.draft ? { id: org.draft.id, name: org.draft.name } : null,
    },
  };
}
