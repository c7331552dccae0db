"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function OrganizationNav({
  slug,
  links,
  aside,
}: {
  slug: string;
  links: { href: string; label: string }[];
  aside?: React.ReactNode;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-6 px-6">
        <ul className="flex gap-6 text-sm">
          {links.map((link) => {
            const href = `/${slug}${link.href}`;
            // A section stays current on its sub-pages (a person's page is under People); teams belong to the overview.
            const isCurrent =
              pathname === href ||
              (link.href === "" ? pathname.startsWith(`${href}/teams/`) : pathname.startsWith(`${href}/`));
            return (
              <li key={link.href}>
                <Link
                  href={href}
                  aria-current={isCurrent ? "page" : undefined}
                  className={`inline-block border-b-2 py-3 ${
                    isCurrent
                      ? "border-indigo-600 font-medium text-slate-900 dark:text-slate-100"
                      : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
                  }`}
                >
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {aside}
      </div>
    </nav>
  );
}
