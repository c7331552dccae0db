import type { TRaciLevel } from "@/lib/domain/model";

export const LEVEL_LETTERS: Record<TRaciLevel, string> = {
  accountable: "A",
  responsible: "R",
  consulted: "C",
  informed: "I",
};

export const LEVEL_NAMES: Record<TRaciLevel, string> = {
  accountable: "Accountable",
  responsible: "Responsible",
  consulted: "Consulted",
  informed: "Informed",
};

/** Colour and letter together: the level never depends on colour alone. */
export const LEVEL_STYLES: Record<TRaciLevel, string> = {
  accountable: "bg-indigo-600 text-white dark:bg-indigo-500",
  responsible:
    "bg-emerald-100 text-emerald-900 ring-1 ring-inset ring-emerald-300 dark:bg-emerald-900 dark:text-emerald-100 dark:ring-emerald-700",
  consulted:
    "bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-900 dark:text-amber-100 dark:ring-amber-700",
  informed:
    "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
};

/** The level a letter key sets, for keyboard editing. */
export function levelForKey(key: string): TRaciLevel | null {
  switch (key.toLowerCase()) {
    case "a":
      return "accountable";
    case "r":
      return "responsible";
    case "c":
      return "consulted";
    case "i":
      return "informed";
    default:
      return null;
  }
}
