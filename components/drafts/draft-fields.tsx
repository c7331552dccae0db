"use client";

import { useEffect } from "react";
import { TextAreaField } from "@/components/ui/text-area-field";
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
        <TextAreaField
          id={`${idPrefix}-description`}
          name="description"
          label="Description (optional)"
          rows={2}
          value={description}
          maxLength={DRAFT_DESCRIPTION_MAX}
          onChange={(event) => onDescriptionChange(event.target.value)}
          errors={fields.description}
        />
      )}
    </>
  );
}
