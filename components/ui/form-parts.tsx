import type { KeyboardEvent } from "react";
import type { TFieldErrors } from "@/lib/errors";

/** A form field's text as typed ("" when absent). */
export function readText(data: FormData, name: string): string {
  return String(data.get(name) ?? "");
}

/** Escape in a form cancels it, when it can be cancelled. */
export function cancelOnEscape(onCancel: (() => void) | undefined) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };
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
