import type { TActionState } from "@/lib/errors";

/** The form-wide outcome of a server action: an error alert, or a success notice. */
export function FormMessage({ state }: { state: TActionState }) {
  if (!state.message) return null;
  const isError = state.ok === false;
  return (
    <p
      role={isError ? "alert" : "status"}
      className={`rounded-md p-3 text-sm ${
        isError
          ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
          : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
      }`}
    >
      {state.message}
    </p>
  );
}
