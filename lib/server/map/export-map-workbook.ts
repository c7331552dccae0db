import "server-only";
import { mapToDocument } from "@/lib/domain/map-document";
import { documentToWorkbook, type TWorkbookFlag } from "@/lib/domain/map-workbook";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";
import { writeWorkbook } from "@/lib/server/kernel/read-spreadsheet";

/**
 * The organisation's map as an Excel workbook (see `documentToWorkbook`): a RACI sheet per team with its flags, and
 * the sheets that hold the whole map by key, which `PUT map` reads back.
 */
export async function exportMapWorkbook({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ filename: string; workbook: Uint8Array }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map, rules, analysis } = await readSnapshotAt(organization.id, undefined);
  const flags: TWorkbookFlag[] = analysis.flags.flatMap((flag) =>
    "team" in flag && flag.team
      ? [{ teamKey: flag.team.key, dutyKey: "duty" in flag && flag.duty ? flag.duty.key : null, message: flag.message }]
      : [],
  );
  const workbook = await writeWorkbook(documentToWorkbook(mapToDocument(map, rules), flags));
  return { filename: `${organization.slug}-map.xlsx`, workbook };
}
