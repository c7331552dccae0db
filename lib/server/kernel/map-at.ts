import "server-only";
import { db } from "@/lib/db";
import { mapFromRows, rewindRows } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { readMapRows } from "./apply-rows";
import { readEntries } from "./journal-entries";

/**
 * The organisation's map as it was at `at`: today's rows with every later journal entry rewound, read in one
 * snapshot. Before the journal's first entry (the organisation's creation, or this feature's installation for
 * older ones) it is the oldest state the journal knows.
 */
export async function loadMapAt(organizationId: string, at: Date): Promise<TRemitMap> {
  return db.$transaction(
    async (tx) => {
      const rows = await readMapRows(tx, organizationId);
      const later = await readEntries(tx, organizationId, Prisma.sql`at > ${at}`);
      return mapFromRows(rewindRows(rows, later));
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
}
