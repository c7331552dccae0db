import { DraftComments } from "@/components/comments/draft-comments";
import { CrossWorkspaceLink } from "@/components/drafts/cross-workspace-link";
import type { TCommentRights } from "@/lib/domain/comments";

type TDraftBannerProps = {
  draft: { id: string; name: string; isPublished: boolean; live: { slug: string; name: string } };
  /** The draft's workspace (whose event stream brings the draft's comments), and what this user may do with them. */
  comments: { orgId: string; rights: TCommentRights; userId: string };
};

/** On every page of a draft: whose draft this is, that changes stay in it, and the ways back to live. */
export function DraftBanner({ draft, comments }: TDraftBannerProps) {
  const linkClass =
    "rounded font-medium underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700";
  return (
    <section
      aria-label="Draft"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-2.5 text-sm">
        <p>
          <span className="font-semibold">Draft: {draft.name}</span>
          {draft.isPublished ? (
            <span className="ml-2 rounded-full bg-amber-200 px-2 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-800 dark:text-amber-50">
              published, read-only
            </span>
          ) : (
            <span className="ml-2 text-amber-900 dark:text-amber-200">
              — changes here stay in the draft until it is published to {draft.live.name}.
            </span>
          )}
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <DraftComments liveSlug={draft.live.slug} draft={draft} {...comments} />
          </li>
          <li>
            <CrossWorkspaceLink href={`/${draft.live.slug}`} className={linkClass}>
              Back to live
            </CrossWorkspaceLink>
          </li>
          <li>
            <CrossWorkspaceLink href={`/${draft.live.slug}/drafts/${draft.id}/compare`} className={linkClass}>
              Compare with live
            </CrossWorkspaceLink>
          </li>
          <li>
            <CrossWorkspaceLink href={`/${draft.live.slug}/drafts`} className={linkClass}>
              All drafts
            </CrossWorkspaceLink>
          </li>
        </ul>
      </div>
    </section>
  );
}
