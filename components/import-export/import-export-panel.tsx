"use client";

import Link from "next/link";
import { mapDownloadUrls } from "@/lib/client/live";
import { useOrgMap } from "@/lib/client/queries";
import { buttonClassName } from "@/components/ui/button";
import { describeMapCounts, mapCounts, type TMapCounts } from "@/lib/domain/map-counts";
import { MapImport } from "./map-import";

type TProps = {
  orgId: string;
  orgSlug: string;
  organizationName: string;
  canEdit: boolean;
  /** The map's size as the server rendered the page. */
  counts: TMapCounts;
};

/**
 * Downloads of the map (JSON, CSV, and where to get pictures) and, for editors, replacing it from a file. The map
 * itself is loaded only to compare a file with it: at 1,000 teams it is megabytes, and most visits only download.
 */
export function ImportExportPanel({ orgId, orgSlug, organizationName, canEdit, counts }: TProps) {
  // Once an import has loaded the map, its counts are the newer.
  const { map } = useOrgMap({ orgId, orgSlug, enabled: false });
  const downloads = mapDownloadUrls(orgSlug);
  return (
    <div className="space-y-10">
      <section aria-labelledby="export-heading" className="space-y-3">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The map has {describeMapCounts(map ? mapCounts(map) : counts)}.
        </p>
        <div className="flex flex-wrap gap-3">
          <a href={downloads.json} download={`${orgSlug}-map.json`} className={buttonClassName("secondary")}>
            Download JSON
          </a>
          <a href={downloads.csv} download={`${orgSlug}-assignments.csv`} className={buttonClassName("secondary")}>
            Download CSV
          </a>
          <a href={downloads.xlsx} download={`${orgSlug}-map.xlsx`} className={buttonClassName("secondary")}>
            Download Excel workbook
          </a>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-400">
          <li>
            JSON is the remit.map/v1 format: the whole map and its rules, keyed by readable keys. Edit it and import it
            back here, or keep it as a backup.
          </li>
          <li>CSV has one row per assignment (team, duty, slot, holder, level), for spreadsheets.</li>
          <li>
            The Excel workbook has a RACI sheet per team (levels chosen from a list, flags beside them) and the whole
            map by key; edit it and send it back with the API&rsquo;s PUT map (see the API docs).
          </li>
          <li>
            For a picture, use Download PNG on the{" "}
            <Link href={`/${orgSlug}`} className="text-indigo-600 underline dark:text-indigo-400">
              overview
            </Link>{" "}
            or on a team&apos;s page: it saves the table as you see it, in the current theme.
          </li>
        </ul>
      </section>

      <section aria-labelledby="import-heading" className="space-y-3">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import
        </h2>
        {canEdit ? (
          <MapImport orgId={orgId} orgSlug={orgSlug} organizationName={organizationName} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Importing replaces the whole map, so it takes the Manager or Owner role. You can still download the map
            above.
          </p>
        )}
      </section>
    </div>
  );
}
