"use client";

import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useToast } from "@/components/ui/toast";
import { useDutyMutations } from "@/lib/client/duties";
import { useFormErrors } from "@/lib/client/use-form-errors";
import type { TDuty } from "@/lib/domain/model";
import { ZCreateDuty, ZUpdateDuty, type TUpdateDuty } from "@/lib/validation/duties";
import { CheckedForm, FormAlert, NameField, readText } from "@/components/ui/form-parts";

type TProps = {
  orgId: string;
  orgSlug: string;
  /** Prefix of the fields' ids, so that the add form and an edit form can share a page. */
  idPrefix: string;
} & (
  | { duty?: undefined; onSave?: undefined; onCancel?: undefined }
  | {
      /** The duty to rename or describe; the form hands the changes to `onSave` rather than sending them. */
      duty: TDuty;
      onSave: (changes: TUpdateDuty) => void;
      onCancel: () => void;
    }
);

/** Adds a duty to the catalogue (name, description, required), or edits one's name and description. */
export function DutyForm({ orgId, orgSlug, idPrefix, duty, onSave, onCancel }: TProps) {
  const toast = useToast();
  const { errors, check, refused } = useFormErrors();
  const { create } = useDutyMutations({ orgId, orgSlug });

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const name = readText(data, "name");
    const description = readText(data, "description");
    if (duty) {
      const changes: Record<string, unknown> = {};
      if (name.trim() !== duty.name) changes.name = name;
      if (description.trim() !== duty.description) changes.description = description;
      if (Object.keys(changes).length === 0) return onCancel();
      const checked = check(ZUpdateDuty, changes);
      return checked && onSave(checked);
    }
    const checked = check(ZCreateDuty, { name, description, required: data.get("required") === "on" });
    if (!checked) return;
    create.mutate(checked, {
      onSuccess: (result) => {
        toast.show(`Added ${result.duty.name} at the end of the catalogue.`, "success");
        form.reset();
      },
      onError: (error) => refused(error, "The duty was not added."),
    });
  };

  const label = duty ? `Edit ${duty.name}` : "Add a duty";
  return (
    <CheckedForm label={label} onSubmit={submit} onCancel={onCancel} className="grid gap-3">
      <NameField
        idPrefix={idPrefix}
        defaultValue={duty?.name}
        placeholder={duty ? undefined : "e.g. Pricing decisions"}
        autoFocus={Boolean(duty)}
        errors={errors.name}
      />
      <TextAreaField
        id={`${idPrefix}-description`}
        name="description"
        label={
          <>
            Description <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
          </>
        }
        rows={2}
        maxLength={2000}
        defaultValue={duty?.description}
        placeholder={duty ? undefined : "What the duty covers, so that everyone reads it the same way"}
        errors={errors.description}
      />
      <div className="flex flex-wrap items-center gap-4">
        {!duty && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="required"
              defaultChecked
              className="size-4 rounded border-slate-300 accent-indigo-600"
            />
            Required: every team needs someone accountable for it
          </label>
        )}
        <div className="ml-auto flex gap-2">
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : duty ? "Save" : "Add duty"}
          </Button>
        </div>
      </div>
      <FormAlert errors={errors} />
    </CheckedForm>
  );
}
