import { AppHeader } from "@/components/app-header";
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
    <>
      <AppHeader
        userName={actor.kind === "user" ? actor.name : ""}
        organizations={organizations}
        current={organization}
      />
      <OrganizationNav
        slug={organization.slug}
        links={[
          { href: "", label: "Overview" },
          { href: "/members", label: "Members" },
          ...(can(role, "manage_tokens") ? [{ href: "/tokens", label: "API tokens" }] : []),
        ]}
      />
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </>
  );
}
