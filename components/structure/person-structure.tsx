"use client";

import { useMemo } from "react";
import { unpackStructure, type TPackedStructure } from "@/lib/domain/structure-pack";
import { StructureView } from "./structure-view";

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** A person's teams and slots as the structure view draws them, their slots lit, with their allocation. */
export function PersonStructure({
  packedJson,
  orgSlug,
  person,
}: {
  /** Their part of the structure (see personStructure), packed, as JSON. */
  packedJson: string;
  orgSlug: string;
  person: { key: string; name: string };
}) {
  const packed = useMemo(() => JSON.parse(packedJson) as TPackedStructure, [packedJson]);
  // A few teams: unpacked here for the person's figures, and again by the view.
  const load = useMemo(
    () => unpackStructure(packed).structure.people.find((candidate) => candidate.key === person.key),
    [packed, person.key],
  );
  return (
    <section className="space-y-3 pt-6" aria-labelledby="person-structure">
      <h2 id="person-structure" className="text-lg font-semibold">
        {person.name}&rsquo;s teams
      </h2>
      {load ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="person-load">
          {percent(load.allocated)} of {percent(load.capacity)} capacity allocated, in {load.teamIds.length}{" "}
          {load.teamIds.length === 1 ? "team" : "teams"}
          {load.isOverloaded ? (
            <strong className="text-red-700 dark:text-red-300">: overloaded</strong>
          ) : load.allocated < load.capacity ? (
            `: ${percent(load.capacity - load.allocated)} free`
          ) : (
            ""
          )}
          .
        </p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">{person.name} holds no slot yet.</p>
      )}
      {load && (
        <StructureView
          packed={packed}
          orgSlug={orgSlug}
          fileName={`${orgSlug}-${person.key}-structure`}
          title={`${person.name}: teams`}
          personId={person.key}
          height="h-[50vh] min-h-[360px]"
        />
      )}
    </section>
  );
}
