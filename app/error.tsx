"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">This page could not be shown</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Nothing you saved is lost. Try again; if it keeps happening, tell us
        {error.digest ? (
          <>
            {" "}
            and quote <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-6 self-start" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
