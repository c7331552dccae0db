"use client";

import { useId, useState } from "react";
import { searchStructure, type TStructure, type TStructurePerson, type TStructureTeam } from "@/lib/domain/structure";

/** Finds a team or a person by part of their name; choosing one flies the picture to it. */
export function StructureSearch({
  structure,
  onTeam,
  onPerson,
}: {
  structure: TStructure;
  onTeam: (team: TStructureTeam) => void;
  onPerson: (person: TStructurePerson) => void;
}) {
  const [text, setText] = useState("");
  const inputId = useId();
  const resultsId = useId();
  const hits = searchStructure(structure, text);
  const choose = (hit: (typeof hits)[number]) => {
    if (hit.kind === "team") onTeam(hit.team);
    else onPerson(hit.person);
    setText("");
  };
  return (
    <form
      className="relative"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (hits[0]) choose(hits[0]);
      }}
    >
      <label htmlFor={inputId} className="block text-sm font-medium">
        Find a team or person
      </label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-controls={resultsId}
        autoComplete="off"
        placeholder="Name…"
        className="mt-1 w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <ul
        id={resultsId}
        aria-label="Matches"
        className={`absolute z-20 mt-1 w-64 max-w-full rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900 ${hits.length === 0 ? "hidden" : ""}`}
      >
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.kind === "team" ? hit.team.id : hit.person.id}`}>
            <button
              type="button"
              className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => choose(hit)}
            >
              {hit.kind === "team" ? hit.team.name : hit.person.name}{" "}
              <span className="text-xs text-slate-600 dark:text-slate-400">{hit.kind}</span>
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
