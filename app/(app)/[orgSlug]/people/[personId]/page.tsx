import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PersonDetail } from "@/components/people/person-detail";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getMapState } from "@/lib/server/map/get-map-state";

type TProps = { params: Promise<{ orgSlug: string; personId: string }> };

// Shared by the metadata and the page within one request.
const load = cache(async (orgSlug: string, personId: string) => {
  const access = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug, scope: { personId } }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  // Only by id: a key would give the page a second address.
  const person = state.map.people.find((candidate) => candidate.id === personId);
  if (!person) notFound();
  return { access, state, person };
});

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { orgSlug, personId } = await props.params;
  const { person } = await load(orgSlug, personId);
  return { title: person.name };
}

export default async function PersonPage(props: TProps) {
  const { orgSlug, personId } = await props.params;
  const { access, state, person } = await load(orgSlug, personId);
  const { organization } = access;
  return (
    <div className="space-y-2">
      <Link
        href={`/${organization.slug}/people`}
        className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
      >
        ← All people
      </Link>
      <PersonDetail orgId={organization.id} orgSlug={organization.slug} personId={person.id} initial={state} />
    </div>
  );
}
