import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        There is nothing at this address, or you are not a member of the organisation it belongs to.
      </p>
      <Link href="/" className={`${buttonClassName("secondary")} mt-6 self-start`}>
        Go to your organisations
      </Link>
    </main>
  );
}
