import type { KeyboardEvent } from "react";
import { TextField } from "./text-field";
import type { TFieldErrors } from "@/lib/errors";

/** A form field's text as typed ("" when absent). */
export function readText(data: FormData, name: string): string {
  return String(data.get(name) ?? "");
}

/**
 * A form whose fields the browser does not check (the API's schema does, with every problem beside its field), that
 * hands itself to `onSubmit`, and that Escape cancels when it can be cancelled.
 */
export function CheckedForm({
  label,
  onSubmit,
  onCancel,
  className,
  children,
}: {
  label: string;
  onSubmit: (form: HTMLFormElement) => void;
  onCancel?: () => void;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event.currentTarget);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        if (event.key === "Escape" && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      className={className}
    >
      {children}
    </form>
  );
}

/** The name of a duty or a person: required, up to 120 characters. */
export function NameField({
  idPrefix,
  defaultValue,
  placeholder,
  autoFocus,
  errors,
}: {
  idPrefix: string;
  defaultValue?: string;
  placeholder?: string;
  autoFocus: boolean;
  errors?: string[];
}) {
  return (
    <TextField
      id={`${idPrefix}-name`}
      name="name"
      label="Name"
      defaultValue={defaultValue}
      placeholder={placeholder}
      required
      maxLength={120}
      autoComplete="off"
      autoFocus={autoFocus}
      errors={errors}
    />
  );
}

/** The errors that belong to the whole form (field ""), beside the fields' own. */
export function FormAlert({ errors, className = "" }: { errors: TFieldErrors; className?: string }) {
  const message = errors[""]?.join(" ");
  if (!message) return null;
  return (
    <p role="alert" className={`text-sm text-red-600 dark:text-red-400 ${className}`}>
      {message}
    </p>
  );
}
