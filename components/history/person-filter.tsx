"use client";

import { useState, type KeyboardEvent } from "react";
import { useOrgMap } from "@/lib/client/queries";
import { useSettledValue } from "@/lib/client/use-settled-value";
import { compareNames, type TPerson } from "@/lib/domain/model";
import { PEOPLE_FIND_MAX_LENGTH } from "@/lib/domain/people-view";

/** How many people a search offers at most: enough to tell namesakes apart by their emails. */
const CHOICES = 8;

/**
 * The History's person filter: a search field that offers the people whose name or email holds what is typed (the
 * server finds them: a large organisation has thousands, too many for a list), chosen with the mouse or the arrow
 * keys and Enter. Emptying it filters nobody out.
 */
export function PersonFilter({
  orgId,
  orgSlug,
  id,
  value,
  valueName,
  onChange,
}: {
  orgId: string;
  orgSlug: string;
  id: string;
  /** The chosen person's key (or id, from a link); none for everyone. */
  value: string | undefined;
  /** What the field says for `value`. */
  valueName: string | undefined;
  onChange: (person: Pick<TPerson, "key" | "name"> | null) => void;
}) {
  const [text, setText] = useState(valueName ?? "");
  const [isOpen, setIsOpen] = useState(false);
  // Whether the text is the user's since they last chose: only then does the field search.
  const [isEdited, setIsEdited] = useState(false);
  const [active, setActive] = useState(0);
  // A filter set elsewhere (Clear filters, a link) shows here. (Set while rendering, as React advises for state that
  // follows from other state.)
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(valueName ?? "");
  }
  const find = useSettledValue(text.trim());
  const isSearching = isOpen && isEdited && find !== "";
  const { map, isFetching, isError } = useOrgMap({
    orgId,
    orgSlug,
    scope: { people: { find, limit: CHOICES } },
    enabled: isSearching,
    keepPrevious: true,
  });
  const choices = isSearching && map ? [...map.people].sort(compareNames) : [];
  const isListShown = choices.length > 0;
  const listId = `${id}-choices`;
  const optionId = (index: number) => `${id}-choice-${index}`;

  const choose = (person: TPerson | null) => {
    setIsOpen(false);
    setIsEdited(false);
    setText(person?.name ?? "");
    if ((person?.key ?? undefined) !== value) onChange(person);
  };
  const putBack = () => {
    setIsOpen(false);
    setIsEdited(false);
    setText(valueName ?? "");
  };
  const leave = () => (text.trim() === "" ? choose(null) : putBack());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setIsOpen(true);
      if (choices.length > 0) {
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((active + step + choices.length) % choices.length);
      }
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (isListShown) choose(choices[Math.min(active, choices.length - 1)]!);
      else if (text.trim() === "") choose(null);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      putBack();
    }
  };

  const status = !isSearching
    ? ""
    : isError
      ? "The search failed; type again to retry."
      : choices.length === 0
        ? isFetching
          ? "Finding people…"
          : "Nobody's name or email holds that."
        : "";
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        Person
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={isListShown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isListShown ? optionId(Math.min(active, choices.length - 1)) : undefined}
        autoComplete="off"
        maxLength={PEOPLE_FIND_MAX_LENGTH}
        placeholder="Everyone (type a name)"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setIsOpen(true);
          setIsEdited(true);
          setActive(0);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={leave}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-400"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="People found"
        hidden={!isListShown}
        className="absolute inset-x-0 z-20 mt-1 max-h-72 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
      >
        {choices.map((person, index) => (
          <li
            key={person.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Keeps the focus in the field, whose blur would otherwise close the list before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(person)}
            onMouseMove={() => setActive(index)}
            className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-indigo-600 text-white" : "text-slate-900 dark:text-slate-100"}`}
          >
            {person.name}
            {person.email && (
              <span
                className={`block text-xs ${index === active ? "text-indigo-100" : "text-slate-600 dark:text-slate-400"}`}
              >
                {person.email}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="mt-1 text-xs text-slate-600 empty:hidden dark:text-slate-400">
        {status}
      </p>
    </div>
  );
}
