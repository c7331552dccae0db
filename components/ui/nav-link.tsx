"use client";

import Link from "next/link";
import type { ComponentProps } from "react";
import { useIsPageIdle } from "./use-page-idle";

/**
 * A link of the app's header and navigation, on every page: prefetched as Next.js prefetches any link in view, but
 * only once the page is idle (see useIsPageIdle), not while the page it sits on is still hydrating.
 */
export function NavLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const isIdle = useIsPageIdle();
  return <Link {...props} prefetch={isIdle ? null : false} />;
}
