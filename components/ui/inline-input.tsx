import type { InputHTMLAttributes } from "react";

/** A small text input beside its label and button, in a one-line form. */
export function InlineInput({
  id,
  label,
  isLabelHidden = false,
  className,
  onValue,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "onChange"> & {
  id: string;
  label: string;
  /** For an input whose placeholder and button say what it is: the label is for screen readers only. */
  isLabelHidden?: boolean;
  onValue: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className={isLabelHidden ? "sr-only" : "text-sm"}>
        {label}
      </label>
      <input
        id={id}
        onChange={(event) => onValue(event.target.value)}
        className={`rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700 ${className}`}
        {...props}
      />
    </>
  );
}
