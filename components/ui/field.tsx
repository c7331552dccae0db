/** The attributes that tie a control to its label's field: its error list (and any hint) for screen readers. */
export type TFieldControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A label, a control, and every error for the field beneath it. */
export function Field({
  id,
  label,
  errors,
  describedBy,
  children,
}: {
  id: string;
  label: React.ReactNode;
  errors?: string[];
  /** The id of a hint the control also has. */
  describedBy?: string;
  children: (control: TFieldControlProps) => React.ReactNode;
}) {
  const errorId = `${id}-errors`;
  const hasErrors = Boolean(errors?.length);
  const described = [describedBy, hasErrors ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": hasErrors || undefined, "aria-describedby": described || undefined })}
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
