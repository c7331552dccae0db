/**
 * A frame that scrolls a wide table sideways inside itself, so the page never does (a phone is 390 px wide). It is
 * positioned, so that what the table positions absolutely (screen-reader text) stays inside it too.
 */
export function TableFrame({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <div className={`relative max-w-full overflow-x-auto ${className}`}>{children}</div>;
}
