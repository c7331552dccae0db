"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type TTheme } from "@/lib/theme";

const LABELS: Record<TTheme, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICONS: Record<TTheme, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark. The server reads the cookie, so the next page renders in the right theme at once. */
export function ThemeToggle({ initial }: { initial: TTheme }) {
  const [theme, setTheme] = useState<TTheme>(initial);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  return (
    <button
      type="button"
      onClick={() => {
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        document.documentElement.classList.remove("light", "dark");
        if (next !== "system") document.documentElement.classList.add(next);
        setTheme(next);
      }}
      aria-label={`${LABELS[theme]}; switch to ${LABELS[next].toLowerCase()}`}
      title={LABELS[theme]}
      className="rounded-md px-2 py-1 text-base text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden>{ICONS[theme]}</span>
    </button>
  );
}
