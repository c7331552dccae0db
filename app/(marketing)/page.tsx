import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { buttonClassName } from "@/components/ui/button";
import { currentActor } from "@/lib/auth";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";

const POINTS = [
  {
    title: "Write down who owns what",
    body: "Give every team its Product Owner and Product Manager slots, fill them with people, and assign each duty at a clear level: accountable, responsible, consulted or informed.",
  },
  {
    title: "See gaps and overlaps as they happen",
    body: "Vision and roadmap lean to the PO; day-to-day management and market research lean to the PM. Remit flags the duties nobody owns and the ones two people are fighting over.",
  },
  {
    title: "Plan together",
    body: "Several leads edit the same map at once and see each other's changes live, with a journal of every change and a way back.",
  },
];

export default async function HomePage() {
  const actor = await currentActor();
  const user = actor?.kind === "user" ? actor : null;
  const organizations = user ? await listOrganizations({ actor: user }) : [];
  return (
    <>
      {user ? (
        <AppHeader userName={user.name} />
      ) : (
        <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
          <span className="text-lg font-bold tracking-tight">Remit</span>
          <div className="flex gap-3">
            <Link href="/sign-in" className={buttonClassName("secondary")}>
              Sign in
            </Link>
            <Link href="/sign-up" className={buttonClassName()}>
              Create an account
            </Link>
          </div>
        </header>
      )}
      <main className="mx-auto max-w-5xl px-6 py-12">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Who owns what in your product teams, written down.
        </h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-600 dark:text-slate-400">
          Remit maps the duties that Product Owners and Product Managers share, so that nothing falls through the cracks
          and nobody fights over the same job.
        </p>
        {user && (
          <section aria-labelledby="your-organisations" className="mt-10">
            <h2 id="your-organisations" className="text-lg font-semibold">
              Your organisations
            </h2>
            {organizations.length === 0 ? (
              <p className="mt-2 text-slate-600 dark:text-slate-400">
                You are not a member of any organisation yet. Create one, or ask an Owner for an invitation.
              </p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                {organizations.map((organization) => (
                  <li key={organization.id}>
                    <Link
                      href={`/${organization.slug}`}
                      className="flex items-center justify-between px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-900"
                    >
                      <span className="font-medium">{organization.name}</span>
                      <span className="text-sm text-slate-600 dark:text-slate-400">
                        {organization.role.toLowerCase()}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <Link href="/orgs/new" className={`${buttonClassName("secondary")} mt-4`}>
              Create an organisation
            </Link>
          </section>
        )}
        <ul className="mt-14 grid gap-8 sm:grid-cols-3">
          {POINTS.map((point) => (
            <li key={point.title}>
              <h2 className="font-semibold">{point.title}</h2>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{point.body}</p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
