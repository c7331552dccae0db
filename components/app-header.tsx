import { cookies } from "next/headers";
import { signOutAction } from "@/app/(auth)/actions";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { OrganizationSwitcher } from "@/components/organizations/organization-switcher";
import { ThemeToggle } from "@/components/theme-toggle";
import { NavLink } from "@/components/ui/nav-link";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

type TOrganizationLink = { slug: string; name: string };

export async function AppHeader({
  userName,
  organizations = [],
  current,
}: {
  userName: string;
  organizations?: TOrganizationLink[];
  current?: TOrganizationLink;
}) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <nav aria-label="Organisation" className="flex min-w-0 items-center gap-3 text-sm">
          <NavLink href="/" className="text-lg font-bold tracking-tight">
            Remit
          </NavLink>
          {current && (
            <>
              <span aria-hidden className="text-slate-400">
                /
              </span>
              <OrganizationSwitcher organizations={organizations} current={current} />
            </>
          )}
        </nav>
        <form action={signOutAction} className="ml-auto flex min-w-0 items-center gap-3 text-sm">
          {userName && <NotificationBell />}
          <ThemeToggle initial={theme} />
          <span className="min-w-0 truncate text-slate-600 dark:text-slate-400" title={userName}>
            {userName}
          </span>
          <button type="submit" className="font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
