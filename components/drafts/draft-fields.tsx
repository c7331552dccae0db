"use client";

import { useEffect } from "react";
import { Field } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { DRAFT_DESCRIPTION_MAX, DRAFT_NAME_MAX } from "./draft-types";

/** A draft's name and optional description, with their errors; focus goes to the first field in error. */
export function DraftFields({
  idPrefix,
  name,
  description,
  onNameChange,
  onDescriptionChange,
  fields,
  showDescription = true,
  nameLabel = "Name",
}: {
  idPrefix: string;
  name: string;
  description: string;
  onNameChange: (value: string) => void;
  onDescriptionChange: (value: string) => void;
  fields: Record<string, string[]>;
  showDescription?: boolean;
  nameLabel?: string;
}) {
  useEffect(() => {
    const first = ["name", "description"].find((field) => fields[field]?.length);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  }, [fields, idPrefix]);
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label={nameLabel}
        value={name}
        maxLength={DRAFT_NAME_MAX}
        required
        autoComplete="off"
        onChange={(event) => onNameChange(event.target.value)}
        errors={fields.name}
      />
      {showDescription && (
        <Field id={`${idPrefix}-description`} label="Description (optional)" errors={fields.description}>
          {(control) => (
            <textarea
              name="description"
              rows={2}
              value={description}
              maxLength={DRAFT_DESCRIPTION_MAX}
              onChange={(event) => onDescriptionChange(event.target.value)}
              className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
              {...control}
            />
          )}
        </Field>
      )}
    </>
  );
}
