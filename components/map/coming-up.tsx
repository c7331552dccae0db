import Link from "next/link";
import type { TTimelineItem } from "@/lib/domain/timeline";
import { countNoun } from "@/lib/domain/count-noun";

const day = (at: string) => new Date(at).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/** What a scheduled change does to the flags, in words: "resolves 2 flags; introduces 1: …". */
function flagWords({ flags, conflicts }: TTimelineItem): string {
  if (conflicts > 0) return "changes nothing unless someone chooses for each conflict";
  const { resolved, introduced } = flags;
  if (resolved.length === 0 && introduced.length === 0) return "changes no flag";
  const parts: string[] = [];
  if (resolved.length > 0) parts.push(`resolves ${countNoun(resolved.length, "flag")}`);
  if (introduced.length > 0) {
    parts.push(
      `introduces ${countNoun(introduced.length, "flag")}: ${introduced.map((flag) => flag.message).join(" ")}`,
    );
  }
  return parts.join("; ");
}

/** The overview's next 90 days: each scheduled publish and term, when, and what it does to the flags. */
export function ComingUp({ items, orgSlug }: { items: TTimelineItem[]; orgSlug: string }) {
  return (
    <section
      aria-labelledby="coming-up-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="coming-up-heading" className="text-base font-semibold">
        Coming up
      </h2>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Nothing is scheduled in the next 90 days: no draft publishes, and no term ends or starts. A draft&apos;s
          Compare page schedules its publish (
          <Link href={`/${orgSlug}/drafts`} className="text-indigo-700 underline dark:text-indigo-300">
            Drafts
          </Link>
          ); a slot&apos;s holder picker on a team page sets a term&apos;s end and the next holder.
        </p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm">
          {items.map((item, index) => (
            <li key={index}>
              <time dateTime={item.at} className="font-medium">
                {day(item.at)}
              </time>
              : {item.sentence} → {flagWords(item)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
