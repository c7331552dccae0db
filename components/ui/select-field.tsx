import type { SelectHTMLAttributes } from "react";
import { Field } from "./field";

type TSelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  errors?: string[];
};

export function SelectField({ label, name, options, errors, id = name, ...props }: TSelectFieldProps) {
  return (
    <Field id={id} label={label} errors={errors}>
      {(control) => (
        <select
          name={name}
          className="mt-1 block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
          {...props}
          {...control}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
