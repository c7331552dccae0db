import type { TextareaHTMLAttributes } from "react";
import { Field } from "./field";

type TTextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: React.ReactNode;
  name: string;
  errors?: string[];
};

/** A labelled text area that shows every error for its field. */
export function TextAreaField({ id, label, name, errors, ...props }: TTextAreaFieldProps) {
  return (
    <Field id={id} label={label} errors={errors}>
      {(control) => (
        <textarea
          name={name}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-400"
          {...props}
          {...control}
        />
      )}
    </Field>
  );
}
