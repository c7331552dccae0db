import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { PersonDetail } from "@/components/people/person-detail";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { findByAddress, personPagePath } from "@/lib/domain/page-paths";
import { AppError } from "@/lib/errors";
import { getMapState } from "@/lib/server/map/get-map-state";
import { getStructure } from "@/lib/server/map/get-structure";
import { PersonStructure } from "@/components/structure/person-structure";

type TProps = { params: Promise<{ orgSlug: string; personId: string }> };

// Shared by the metadata and the page within one request. `personId` is the address's: a key, or an id.
const load = cache(async (orgSlug: string, personId: string) => {
  const access = await requireOrgAccess(orgSlug);
  const state = await getMapState({ actor: await currentActor(), orgSlug, scope: { personId } }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const person = findByAddress(state.map.people, personId);
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
  // One address per person: their key's (an id, from an older link, is sent on to it).
  if (personId !== person.key) redirect(personPagePath(organization.slug, person));
  const { structure } = await getStructure({ actor: await currentActor(), orgSlug, personId: person.id });
  return (
    <div className="space-y-2">
      <Link
        href={`/${organization.slug}/people`}
        className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
      >
        ← All people
      </Link>
      <PersonDetail orgId={organization.id} orgSlug={organization.slug} personId={person.id} initial={state} />
      <PersonStructure
        packedJson={JSON.stringify(structure)}
        orgSlug={organization.slug}
        person={{ key: person.key, name: person.name }}
      />
    </div>
  );
}
