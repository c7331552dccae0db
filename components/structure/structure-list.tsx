"use client";

import Link from "next/link";
import { useState } from "react";
import { personPagePath, teamPagePath } from "@/lib/domain/page-paths";
import type { TStructure } from "@/lib/domain/structure";
import { flagSummary, type TTeamMarks } from "@/lib/domain/structure-svg";

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * The picture's facts as text, for screen readers and keyboards: groups, their teams with holders, and the people
 * shared between teams. Drawn only when opened: for 1,000 teams it is ten thousand lines.
 */
export function StructureList({
  structure,
  orgSlug,
  at,
  marks,
}: {
  structure: TStructure;
  orgSlug: string;
  at?: string;
  marks: TTeamMarks;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const teams = new Map(structure.teams.map((team) => [team.id, team]));
  const people = new Map(structure.people.map((person) => [person.id, person]));
  const shared = structure.people.filter((person) => person.teamIds.length > 1);
  return (
    <details
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm font-semibold">
        The structure as a list ({structure.groups.length} {structure.groups.length === 1 ? "group" : "groups"},{" "}
        {structure.teams.length} teams, {shared.length} shared people)
      </summary>
      {isOpen && (
        <div className="mt-3 space-y-4 text-sm" data-testid="structure-list">
          {structure.groups.map((group) => (
            <section key={group.name ?? ""}>
              <h2 className="font-semibold">{group.name ?? "No group"}</h2>
              <ul className="ml-4 list-disc">
                {group.teamIds.map((id) => {
                  const team = teams.get(id)!;
                  const mark = marks[id];
                  return (
                    <li key={id}>
                      {mark && <strong>{mark.kind === "added" ? "New: " : "Changed: "}</strong>}
                      <Link
                        href={teamPagePath(orgSlug, team, at)}
                        className="text-indigo-700 underline dark:text-indigo-300"
                      >
                        {team.name}
                      </Link>{" "}
                      (score {team.score}, {flagSummary(team)}):{" "}
                      {team.slots.length === 0
                        ? "no slots"
                        : team.slots
                            .map(
                              (slot) =>
                                `${slot.role} ${slot.holderId ? (people.get(slot.holderId)?.name ?? "?") : "vacant"}`,
                            )
                            .join("; ")}
                      {mark && ` (${mark.description})`}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          <section>
            <h2 className="font-semibold">Shared people</h2>
            {shared.length === 0 ? (
              <p>Nobody holds slots in more than one team.</p>
            ) : (
              <ul className="ml-4 list-disc">
                {shared.map((person) => (
                  <li key={person.id}>
                    <Link
                      href={personPagePath(orgSlug, person)}
                      className="text-indigo-700 underline dark:text-indigo-300"
                    >
                      {person.name}
                    </Link>
                    : {person.teamIds.map((id) => teams.get(id)?.name).join(", ")}; {percent(person.allocated)} of{" "}
                    {percent(person.capacity)} capacity{person.isOverloaded ? ", overloaded" : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </details>
  );
}
