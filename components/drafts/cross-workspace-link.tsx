import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link between a draft's workspace and its live organisation, which live at different organisation slugs. It is never
 * prefetched: a prefetch of another organisation's page brings back neither the page nor its title (the organisation's
 * layout is rendered per request), and Next.js 16.4 takes the empty head of such a prefetch, when it is still in flight
 * at the click, for the page's own, so the tab's title stayed empty after the navigation (vercel/next.js#98684).
 */
export function CrossWorkspaceLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
