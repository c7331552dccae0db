export type TTheme = "system" | "light" | "dark";

export const THEME_COOKIE = "remit-theme";
export const THEMES: readonly TTheme[] = ["system", "light", "dark"];

/** The stored choice, or "system" for anything else. */
export function parseTheme(value: string | undefined): TTheme {
  return THEMES.includes(value as TTheme) ? (value as TTheme) : "system";
}
