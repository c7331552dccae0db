import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { CreateOrganizationForm } from "@/components/organizations/create-organization-form";
import { requireUser } from "@/lib/auth";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganizationPage() {
  const user = await requireUser("/orgs/new");
  return (
    <>
      <AppHeader userName={user.name} />
      <main className="mx-auto max-w-md px-6 py-10">
        <h1 className="text-2xl font-bold tracking-tight">Create an organisation</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You become its Owner and can invite your colleagues next.
        </p>
        <div className="mt-6">
          <CreateOrganizationForm action={createOrganizationAction} />
        </div>
      </main>
    </>
  );
}
