import type { InputHTMLAttributes } from "react";

type TTextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[] };

/** A labelled input that shows every error for its field. */
export function TextField({ label, name, errors, id = name, ...props }: TTextFieldProps) {
  const errorId = `${id}-errors`;
  const hasErrors = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? errorId : undefined}
        className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
        {...props}
      />
      {hasErrors && (
        <ul id={errorId} className="mt-1 text-sm text-red-600 dark:text-red-400">
          {errors?.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
