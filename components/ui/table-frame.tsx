/**
 * A frame that scrolls a wide table sideways inside itself, so the page never does (a phone is 390 px wide). It is
 * positioned, so that what the table positions absolutely (screen-reader text) stays inside it too. `isBordered`
 * draws the rounded border that the map's tables stand in.
 */
export function TableFrame({
  children,
  id,
  isBordered = false,
  className = "",
}: {
  children: React.ReactNode;
  id?: string;
  isBordered?: boolean;
  className?: string;
}) {
  const border = isBordered ? "rounded-lg border border-slate-200 dark:border-slate-800" : "";
  return (
    <div id={id} className={`relative max-w-full overflow-x-auto ${border} ${className}`}>
      {children}
    </div>
  );
}
