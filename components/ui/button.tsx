import type { ButtonHTMLAttributes } from "react";

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" };

const VARIANTS = {
  primary:
    "bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-indigo-600 disabled:bg-indigo-400 dark:disabled:bg-indigo-800",
  secondary:
    "bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800",
} as const;

export function Button({ variant = "primary", className = "", type = "button", ...props }: TButtonProps) {
  return (
    <button type={type} className={`${buttonClassName(variant)} disabled:cursor-not-allowed ${className}`} {...props} />
  );
}

/** The button look, for links that act as buttons. */
export function buttonClassName(variant: keyof typeof VARIANTS = "primary"): string {
  return `inline-flex items-center justify-center rounded-md px-3.5 py-2 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 ${VARIANTS[variant]}`;
}
