"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { mapQueryKey } from "@/components/map/use-org-map";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { TPerson } from "@/lib/domain/model";
import type { TFieldErrors } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/fields";
import { ZCreatePerson, ZUpdatePerson } from "@/lib/validation/people";

type TProps = {
  orgId: string;
  orgSlug: string;
  /** Prefix of the fields' ids, so that the add form and an edit form can share a page. */
  idPrefix: string;
  /** The person to edit; without it the form adds someone. */
  person?: TPerson;
  onDone?: () => void;
  onCancel?: () => void;
};

/**
 * Adds a person, or edits one: name, email and capacity. Checked in the browser with the API's own schema, so every
 * problem shows at once beside its field; the server's answer (a taken email) shows the same way.
 */
export function PersonForm({ orgId, orgSlug, idPrefix, person, onDone, onCancel }: TProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [isPending, setIsPending] = useState(false);
  const isEdit = person !== undefined;

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const email = String(data.get("email") ?? "").trim();
    const capacityText = String(data.get("capacity") ?? "").trim();
    const capacity = capacityText === "" ? undefined : Number(capacityText);

    let body: Record<string, unknown>;
    if (isEdit) {
      body = {};
      if (name.trim() !== person.name) body.name = name;
      if ((email || null) !== person.email) body.email = email || null;
      if (capacity !== undefined && capacity !== person.capacity) body.capacity = capacity;
      if (Object.keys(body).length === 0) {
        onDone?.();
        return;
      }
    } else {
      body = { name, ...(email ? { email } : {}), ...(capacity === undefined ? {} : { capacity }) };
    }
    const parsed = (isEdit ? ZUpdatePerson : ZCreatePerson).safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }

    setIsPending(true);
    setErrors({});
    try {
      const result = await apiFetch<{ person: TPerson }>(
        isEdit ? `/api/v1/orgs/${orgSlug}/people/${person.id}` : `/api/v1/orgs/${orgSlug}/people`,
        { method: isEdit ? "PATCH" : "POST", body: parsed.data },
      );
      await queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
      toast.show(isEdit ? `Saved ${result.person.name}.` : `Added ${result.person.name}.`, "success");
      if (!isEdit) form.reset();
      onDone?.();
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields) setErrors(caught.fields);
      toast.show(caught instanceof Error ? caught.message : "The person was not saved.", "error");
    } finally {
      setIsPending(false);
    }
  };

  const formError = errors[""]?.join(" ");
  return (
    <form
      noValidate
      aria-label={isEdit ? `Edit ${person.name}` : "Add a person"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      className="grid items-start gap-3 sm:grid-cols-[minmax(10rem,1fr)_minmax(10rem,1fr)_8rem_auto]"
    >
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label="Name"
        defaultValue={person?.name}
        required
        maxLength={120}
        autoComplete="off"
        autoFocus={isEdit}
        errors={errors.name}
      />
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label="Email (optional)"
        defaultValue={person?.email ?? ""}
        maxLength={254}
        autoComplete="off"
        errors={errors.email}
      />
      <TextField
        id={`${idPrefix}-capacity`}
        name="capacity"
        type="number"
        label="Capacity (FTE)"
        defaultValue={person?.capacity ?? 1}
        min={0}
        max={10}
        step={0.1}
        errors={errors.capacity}
      />
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : isEdit ? "Save" : "Add person"}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
        )}
      </div>
      {formError && (
        <p role="alert" className="text-sm text-red-600 sm:col-span-4 dark:text-red-400">
          {formError}
        </p>
      )}
    </form>
  );
}
