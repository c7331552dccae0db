"use client";

import { useRouter } from "next/navigation";

/** Switches between the user's organisations; the last option creates a new one. */
export function OrganizationSwitcher({
  organizations,
  current,
}: {
  organizations: { slug: string; name: string }[];
  current: { slug: string; name: string };
}) {
  const router = useRouter();
  return (
    <select
      aria-label="Switch organisation"
      value={current.slug}
      onChange={(event) => router.push(event.target.value === "" ? "/orgs/new" : `/${event.target.value}`)}
      className="rounded-md border-0 bg-transparent py-1 pl-2 pr-8 font-medium ring-1 ring-inset ring-slate-300 dark:ring-slate-700"
    >
      {organizations.map((organization) => (
        <option key={organization.slug} value={organization.slug}>
          {organization.name}
        </option>
      ))}
      <option value="">+ New organisation…</option>
    </select>
  );
}
