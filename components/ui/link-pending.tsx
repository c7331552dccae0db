"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a link: a small spinner while the page it leads to is on its way. Organisation pages have no loading
 * skeleton (a streamed skeleton holds the real content back by React's reveal throttle, 300 ms after the first
 * paint), so the page a person leaves stays until the next is ready, and this says that their click was taken. It
 * fades in after a moment, so a quick navigation does not flash it.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden
      data-link-pending
      className="ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-r-transparent align-[-1px] transition-opacity delay-100 duration-200 starting:opacity-0"
    />
  );
}
