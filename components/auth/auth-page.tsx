import Link from "next/link";

/** The frame of the sign-in and sign-up pages. */
export function AuthPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-2xl font-bold tracking-tight">
        Remit
      </Link>
      <h1 className="mt-8 text-xl font-semibold">{title}</h1>
      <div className="mt-6 space-y-4">{children}</div>
    </main>
  );
}
