"use client";

import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { LinkPending } from "@/components/ui/link-pending";
import { NavLink } from "@/components/ui/nav-link";

type TSectionLink = { href: string; label: string };

/**
 * The organisation's sections: tabs on a wide screen; on a narrow one (below Tailwind's `md`), a menu button that
 * names the current section and opens the list.
 */
export function OrganizationNav({
  slug,
  links,
  aside,
}: {
  slug: string;
  links: TSectionLink[];
  aside?: React.ReactNode;
}) {
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  // The menu closes when a link in it is followed (the path changes).
  const [openedAt, setOpenedAt] = useState(pathname);
  if (isOpen && openedAt !== pathname) setIsOpen(false);
  const menuId = useId();
  const sections = links.map((link) => {
    const href = `/${slug}${link.href}`;
    // A section stays current on its sub-pages (a person's page is under People); teams belong to the overview.
    const isCurrent =
      pathname === href || (link.href === "" ? pathname.startsWith(`${href}/teams/`) : pathname.startsWith(`${href}/`));
    return { ...link, href, isCurrent };
  });
  const current = sections.find((section) => section.isCurrent);

  return (
    <nav aria-label="Sections" className="relative border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 sm:px-6">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={menuId}
          onClick={() => {
            setOpenedAt(pathname);
            setIsOpen((open) => !open);
          }}
          className="flex items-center gap-2 py-3 text-sm font-medium md:hidden"
        >
          <span aria-hidden className="text-base leading-none">
            ☰
          </span>
          {current ? current.label : "Sections"}
          <span className="sr-only"> (sections menu)</span>
        </button>
        <ul
          id={menuId}
          className={`${isOpen ? "flex" : "hidden"} absolute inset-x-0 top-full z-30 flex-col border-b border-slate-200 bg-white px-4 py-2 text-sm shadow-md dark:border-slate-800 dark:bg-slate-950 md:static md:flex md:flex-row md:gap-6 md:border-0 md:bg-transparent md:p-0 md:shadow-none md:dark:bg-transparent`}
        >
          {sections.map((section) => (
            <li key={section.href}>
              <NavLink
                href={section.href}
                aria-current={section.isCurrent ? "page" : undefined}
                className={`block border-l-2 px-3 py-2 md:inline-block md:border-b-2 md:border-l-0 md:px-0 md:py-3 ${
                  section.isCurrent
                    ? "border-indigo-600 font-medium text-slate-900 dark:text-slate-100"
                    : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
                }`}
              >
                {section.label}
                <LinkPending />
              </NavLink>
            </li>
          ))}
        </ul>
        {aside}
      </div>
    </nav>
  );
}
