import type { RefObject } from "react";

/** A form's error, focusable so that the form can move focus to it. */
export function FocusedAlert({
  message,
  alertRef,
}: {
  message: string | null;
  alertRef: RefObject<HTMLParagraphElement | null>;
}) {
  if (!message) return null;
  return (
    <p
      ref={alertRef}
      tabIndex={-1}
      role="alert"
      className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
    >
      {message}
    </p>
  );
}
