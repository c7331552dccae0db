import type { InputHTMLAttributes } from "react";
import { Field } from "./field";

type TTextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[] };

/** A labelled input that shows every error for its field. */
export function TextField({
  label,
  name,
  errors,
  id = name,
  "aria-describedby": describedBy,
  ...props
}: TTextFieldProps) {
  return (
    <Field id={id} label={label} errors={errors} describedBy={describedBy}>
      {(control) => (
        <input
          name={name}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
          {...props}
          {...control}
        />
      )}
    </Field>
  );
}
