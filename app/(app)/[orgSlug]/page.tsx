import type { Metadata } from "next";
import Link from "next/link";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { listMembers } from "@/lib/server/members/list-members";

type TProps = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { organization } = await requireOrgAccess((await params).orgSlug);
  return { title: organization.name };
}

export default async function OrganizationPage({ params }: TProps) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const members = await listMembers({ actor: await currentActor(), orgSlug });
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{organization.name}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        You are {role === "OWNER" ? "an" : "a"} {ROLE_LABELS[role]} here.{" "}
        <Link href={`/${orgSlug}/members`} className="text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">
          {members.length} {members.length === 1 ? "member" : "members"}
        </Link>
        .
      </p>
    </>
  );
}
