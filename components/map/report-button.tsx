import { buttonClassName } from "@/components/ui/button";
import { mapDownloadUrls } from "@/lib/client/live";

/**
 * "Download report (PDF)": health and its trend, the teams that need attention, the heatmap; at a draft's slug, also
 * what the draft changes. A plain link: the server makes the file.
 */
export function ReportButton({
  orgSlug,
  fileName,
  label = "Download report (PDF)",
}: {
  orgSlug: string;
  fileName: string;
  label?: string;
}) {
  return (
    <a href={mapDownloadUrls(orgSlug).report} download={fileName} className={buttonClassName("secondary")}>
      {label}
    </a>
  );
}
