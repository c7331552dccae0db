import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { requireUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getOrganization, type TOrganizationView } from "@/lib/server/organizations/get-organization";

type TProps = { params: Promise<{ orgSlug: string }> };

async function loadOrganization({ params }: TProps): Promise<{ userName: string; organization: TOrganizationView }> {
  const user = await requireUser();
  const { orgSlug } = await params;
  try {
    return { userName: user.name, organization: await getOrganization({ userId: user.id, slug: orgSlug }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { organization } = await loadOrganization(props);
  return { title: organization.name };
}

export default async function OrganizationPage(props: TProps) {
  const { userName, organization } = await loadOrganization(props);
  return (
    <>
      <AppHeader userName={userName} organizationName={organization.name} />
      <main className="mx-auto max-w-5xl px-6 py-10">
        <h1 className="text-2xl font-bold tracking-tight">{organization.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You are {organization.role === "OWNER" ? "an" : "a"} {organization.role.toLowerCase()} of this organisation.
        </p>
        <section aria-labelledby="members" className="mt-8">
          <h2 id="members" className="text-lg font-semibold">
            Members
          </h2>
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 font-medium">Name</th>
                <th className="py-2 font-medium">Email</th>
                <th className="py-2 font-medium">Role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {organization.members.map((member) => (
                <tr key={member.userId}>
                  <td className="py-2">{member.name}</td>
                  <td className="py-2">{member.email}</td>
                  <td className="py-2">{member.role.toLowerCase()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
    </>
  );
}
