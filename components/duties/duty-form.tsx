"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { mapQueryKey } from "@/components/map/use-org-map";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { TDuty } from "@/lib/domain/model";
import type { TFieldErrors } from "@/lib/errors";
import { ZCreateDuty, ZUpdateDuty, type TUpdateDuty } from "@/lib/validation/duties";
import { fieldErrors } from "@/lib/validation/fields";

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
  const queryClient = useQueryClient();
  const toast = useToast();
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [isPending, setIsPending] = useState(false);

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const description = String(data.get("description") ?? "");
    if (duty) {
      const changes: Record<string, unknown> = {};
      if (name.trim() !== duty.name) changes.name = name;
      if (description.trim() !== duty.description) changes.description = description;
      if (Object.keys(changes).length === 0) return onCancel();
      const parsed = ZUpdateDuty.safeParse(changes);
      if (!parsed.success) return setErrors(fieldErrors(parsed.error));
      return onSave(parsed.data);
    }

    const parsed = ZCreateDuty.safeParse({ name, description, required: data.get("required") === "on" });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setIsPending(true);
    setErrors({});
    try {
      const result = await apiFetch<{ duty: TDuty }>(`/api/v1/orgs/${orgSlug}/duties`, {
        method: "POST",
        body: parsed.data,
      });
      await queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
      toast.show(`Added ${result.duty.name} at the end of the catalogue.`, "success");
      form.reset();
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields) setErrors(caught.fields);
      toast.show(caught instanceof Error ? caught.message : "The duty was not added.", "error");
    } finally {
      setIsPending(false);
    }
  };

  const descriptionId = `${idPrefix}-description`;
  const descriptionErrors = errors.description;
  return (
    <form
      noValidate
      aria-label={duty ? `Edit ${duty.name}` : "Add a duty"}
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
      className="grid gap-3"
    >
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label="Name"
        defaultValue={duty?.name}
        placeholder={duty ? undefined : "e.g. Pricing decisions"}
        required
        maxLength={120}
        autoComplete="off"
        autoFocus={Boolean(duty)}
        errors={errors.name}
      />
      <div>
        <label htmlFor={descriptionId} className="block text-sm font-medium">
          Description <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
        </label>
        <textarea
          id={descriptionId}
          name="description"
          rows={2}
          maxLength={2000}
          defaultValue={duty?.description}
          placeholder={duty ? undefined : "What the duty covers, so that everyone reads it the same way"}
          aria-invalid={descriptionErrors ? true : undefined}
          aria-describedby={descriptionErrors ? `${descriptionId}-errors` : undefined}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-400"
        />
        {descriptionErrors && (
          <ul id={`${descriptionId}-errors`} className="mt-1 text-sm text-red-600 dark:text-red-400">
            {descriptionErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </div>
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
          <Button type="submit" disabled={isPending}>
            {isPending ? "Adding…" : duty ? "Save" : "Add duty"}
          </Button>
        </div>
      </div>
      {errors[""] && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors[""].join(" ")}
        </p>
      )}
    </form>
  );
}
