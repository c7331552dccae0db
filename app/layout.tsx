import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { cookies } from "next/headers";
import { Providers } from "@/components/providers";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Remit: who owns what in your product teams", template: "%s · Remit" },
  description:
    "Map Product Owner and Product Manager duties across your teams, and see the gaps and overlaps as they happen.",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // The theme is a cookie, so the server renders the chosen one and nothing flashes before hydration.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} ${theme === "system" ? "" : theme}`}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
