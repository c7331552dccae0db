import { AppHeader } from "@/components/app-header";
import { DraftBanner } from "@/components/drafts/draft-banner";
import { LiveProvider } from "@/components/live/live-provider";
import { PresenceBar } from "@/components/live/presence-bar";
import { OrganizationNav } from "@/components/organizations/organization-nav";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { getCommentRights } from "@/lib/server/comments/get-comment-rights";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";

export default async function OrganizationLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const { organization, role, actor, draft } = await requireOrgAccess(orgSlug);
  const organizations = await listOrganizations({ actor: await currentActor() });
  // A draft's comments are its live organisation's.
  const draftCommentRights = draft ? await getCommentRights({ actor, orgSlug: draft.live.slug }) : null;
  // A draft's workspace is not among the user's organisations: the switcher shows the live one it plans for.
  const current = draft ? draft.live : organization;
  // Members and API tokens are the live organisation's: a draft has none of its own to manage.
  const links = [
    { href: "", label: "Overview" },
    { href: "/structure", label: "Structure" },
    { href: "/people", label: "People" },
    { href: "/duties", label: "Duties" },
    { href: "/rules", label: "Rules" },
    ...(draft ? [] : [{ href: "/drafts", label: "Drafts" }]),
    { href: "/import-export", label: "Import / export" },
    { href: "/history", label: draft ? "Draft history" : "History" },
    ...(draft ? [] : [{ href: "/members", label: "Members" }]),
    ...(!draft && can(role, "manage_tokens") ? [{ href: "/tokens", label: "API tokens" }] : []),
    ...(!draft && can(role, "manage_webhooks") ? [{ href: "/webhooks", label: "Webhooks" }] : []),
    ...(draft ? [] : [{ href: "/settings", label: "Settings" }]),
  ];
  return (
    <LiveProvider orgId={organization.id} orgSlug={organization.slug}>
      <AppHeader userName={actor.kind === "user" ? actor.name : ""} organizations={organizations} current={current} />
      {draft && draftCommentRights && (
        <DraftBanner
          draft={draft}
          comments={{
            orgId: organization.id,
            rights: draftCommentRights,
            userId: actor.kind === "user" ? actor.userId : "",
          }}
        />
      )}
      <OrganizationNav slug={organization.slug} links={links} aside={<PresenceBar />} />
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </LiveProvider>
  );
}
