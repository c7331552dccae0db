"use client";

import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api-error";
import { useFormErrors } from "@/lib/client/use-form-errors";
import { draftFieldErrors } from "./draft-types";

export type TDraftValues = { name: string; description: string };

/**
 * A draft's name-and-description form: checked in the browser, then sent; the server's field errors show by their
 * fields, any other error in an alert that takes the focus.
 */
export function useDraftForm({
  initial,
  failure,
  send,
}: {
  initial: TDraftValues;
  failure: string;
  send: (values: TDraftValues) => Promise<unknown>;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const { errors: fields, setErrors: setFields, showServerErrors } = useFormErrors();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = draftFieldErrors({ name, description });
    setFields(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setIsPending(true);
    try {
      await send({ name: name.trim(), description: description.trim() });
    } catch (caught) {
      if (!showServerErrors(caught)) setError(errorMessage(caught, failure));
    } finally {
      setIsPending(false);
    }
  };
  const reset = () => {
    setName(initial.name);
    setDescription(initial.description);
  };
  const fieldProps = {
    name,
    description,
    onNameChange: setName,
    onDescriptionChange: setDescription,
    fields,
  };
  return { fieldProps, error, errorRef, isPending, submit, reset };
}
