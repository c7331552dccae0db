"use client";

import { Button } from "@/components/ui/button";
import { CheckedForm, FormAlert, NameField, readText } from "@/components/ui/form-parts";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { usePeopleMutations } from "@/lib/client/people";
import { useFormErrors } from "@/lib/client/use-form-errors";
import type { TPerson } from "@/lib/domain/model";
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
  const toast = useToast();
  const { errors, check, refused } = useFormErrors();
  const { create, update } = usePeopleMutations({ orgId, orgSlug });
  const isPending = create.isPending || update.isPending;
  const isEdit = person !== undefined;

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const name = readText(data, "name");
    const email = readText(data, "email").trim();
    const capacityText = readText(data, "capacity").trim();
    const capacity = capacityText === "" ? undefined : Number(capacityText);
    const callbacks = {
      onSuccess: (result: { person: TPerson }) => {
        toast.show(isEdit ? `Saved ${result.person.name}.` : `Added ${result.person.name}.`, "success");
        if (!isEdit) form.reset();
        onDone?.();
      },
      onError: (error: Error) => refused(error, "The person was not saved."),
    };

    if (!isEdit) {
      const body = check(ZCreatePerson, {
        name,
        ...(email ? { email } : {}),
        ...(capacity === undefined ? {} : { capacity }),
      });
      if (body) create.mutate(body, callbacks);
      return;
    }
    const changes: Record<string, unknown> = {};
    if (name.trim() !== person.name) changes.name = name;
    if ((email || null) !== person.email) changes.email = email || null;
    if (capacity !== undefined && capacity !== person.capacity) changes.capacity = capacity;
    if (Object.keys(changes).length === 0) return onDone?.();
    const checked = check(ZUpdatePerson, changes);
    if (checked) update.mutate({ personId: person.id, changes: checked }, callbacks);
  };

  return (
    <CheckedForm
      label={isEdit ? `Edit ${person.name}` : "Add a person"}
      onSubmit={submit}
      onCancel={onCancel}
      className="grid items-start gap-3 sm:grid-cols-[minmax(10rem,1fr)_minmax(10rem,1fr)_8rem_auto]"
    >
      <NameField idPrefix={idPrefix} defaultValue={person?.name} autoFocus={isEdit} errors={errors.name} />
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
      <FormAlert errors={errors} className="sm:col-span-4" />
    </CheckedForm>
  );
}
