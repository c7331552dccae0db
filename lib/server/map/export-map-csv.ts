import "server-only";
import { mapDocumentToCsv } from "@/lib/domain/map-csv";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { loadMap } from "@/lib/server/kernel/load-map";

// Without it, Excel reads UTF-8 as the local code page and garbles names with accents.
const BYTE_ORDER_MARK = "\uFEFF";

/** The organisation's assignments as CSV for spreadsheets, one row per assignment; see `mapDocumentToCsv`. */
export async function exportMapCsv({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ filename: string; csv: string }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const document = mapToDocument(await loadMap({ organizationId: organization.id }));
  return { filename: `${organization.slug}-assignments.csv`, csv: BYTE_ORDER_MARK + mapDocumentToCsv(document) };
}
