import { AppHeader } from "@/components/app-header";
import { LiveProvider } from "@/components/live/live-provider";
import { PresenceBar } from "@/components/live/presence-bar";
import { OrganizationNav } from "@/components/organizations/organization-nav";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";

export default async function OrganizationLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const { organization, role, actor } = await requireOrgAccess(orgSlug);
  const organizations = await listOrganizations({ actor: await currentActor() });
  return (
    <LiveProvider orgId={organization.id} orgSlug={organization.slug}>
      <AppHeader
        userName={actor.kind === "user" ? actor.name : ""}
        organizations={organizations}
        current={organization}
      />
      <OrganizationNav
        slug={organization.slug}
        links={[
          { href: "", label: "Overview" },
          { href: "/people", label: "People" },
          { href: "/duties", label: "Duties" },
          { href: "/import-export", label: "Import / export" },
          { href: "/history", label: "History" },
          { href: "/members", label: "Members" },
          ...(can(role, "manage_tokens") ? [{ href: "/tokens", label: "API tokens" }] : []),
        ]}
        aside={<PresenceBar />}
      />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </LiveProvider>
  );
}
