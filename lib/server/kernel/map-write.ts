import "server-only";
import type { TJournalAction } from "@/lib/domain/journal";
import type { TChangeEvent } from "@/lib/domain/live-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, type TOrgAccess } from "@/lib/server/auth/authorize";
import { lockOrganization } from "./replace-map";
import { retryOnUniqueViolation } from "./retry-on-unique-violation";
import { changeOf, runWrite } from "./run-write";

/** Who calls a use case of an organisation, and which organisation (by its address). */
export type TOrgCall = { actor: TActor | null; orgSlug: string };

/** What a map write's work is given: its transaction, the organisation, and the journal group of its changes. */
export type TMapWriteContext = { tx: Prisma.TransactionClient; organizationId: string; groupId: string };

/** How one map write runs. */
export type TMapWriteSpec<T> = {
  /** What the journal records the write as. */
  action: TJournalAction;
  /** On an undo: the journal group it undoes. */
  undoes?: string;
  /** What browsers are told changed (they reload the map for anything but a single cell). */
  entity: TChangeEvent["entity"];
  /** Whether the result changed anything worth announcing; by default every write is announced. */
  announces?: (result: T) => boolean;
  /**
   * The organisation row's lock, taken before anything else (see lockOrganization). `share`, the default, for a
   * write of a few rows (a team, slot, duty, person or cells): it queues behind an import, publish, undo or restore
   * at the organisation's row instead of locking rows first and deadlocking with it. `update` for a write that reads
   * the map to write it back (those four).
   */
  lock?: "share" | "update";
  /** For a write that checks keys or emails are free before it inserts: see retryOnUniqueViolation. */
  retriesUniqueViolations?: boolean;
  transaction?: { timeout?: number; maxWait?: number };
};

/** Runs map writes for one organisation as one author. */
export type TMapWriter = {
  organizationId: string;
  author: TActor;
  write<T>(spec: TMapWriteSpec<T>, work: (context: TMapWriteContext) => Promise<T>): Promise<T>;
};

/**
 * The map writes of an access that `authorize` granted with `edit_map`. Each write runs in one transaction,
 * journalled under its action, with the organisation's row locked first, and is announced to the organisation's
 * browsers once it commits (see runWrite).
 */
export function mapWriter(access: TOrgAccess): TMapWriter {
  const organizationId = access.organization.id;
  const author = access.actor;
  return {
    organizationId,
    author,
    write: <T>(spec: TMapWriteSpec<T>, work: (context: TMapWriteContext) => Promise<T>) => {
      const change = changeOf<T>(organizationId, author, spec.entity);
      const attempt = () =>
        runWrite(
          { actor: author, action: spec.action, undoes: spec.undoes, draft: access.draft },
          async (tx, groupId) => {
            await lockOrganization(tx, organizationId, spec.lock ?? "share");
            return work({ tx, organizationId, groupId });
          },
          (result) => (spec.announces && !spec.announces(result) ? null : change(result)),
          spec.transaction,
        );
      return spec.retriesUniqueViolations ? retryOnUniqueViolation(attempt) : attempt();
    },
  };
}

/** The gate of every map use case: the actor may change the organisation's map (`edit_map`), or an error. */
export async function openMapWrite({ actor, orgSlug }: TOrgCall): Promise<TMapWriter> {
  return mapWriter(await authorize({ actor, orgSlug, permission: "edit_map" }));
}

/** One map write as `actor` in the organisation at `orgSlug`: openMapWrite, then its write. */
export async function writeMap<T>(
  { actor, orgSlug, ...spec }: TOrgCall & TMapWriteSpec<T>,
  work: (context: TMapWriteContext) => Promise<T>,
): Promise<T> {
  return (await openMapWrite({ actor, orgSlug })).write(spec, work);
}
