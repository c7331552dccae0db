"use client";

import dynamic from "next/dynamic";

/**
 * The thread list and its composer, loaded when first shown: a team page (and every page of a draft, through its
 * banner) carries only the markers and the button until someone opens a panel.
 */
export const LazyCommentThreads = dynamic(() => import("./comment-threads").then((module) => module.CommentThreads), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      Loading the comments…
    </p>
  ),
});
