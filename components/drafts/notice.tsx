import Link from "next/link";

/** What the last action on the drafts list did, with a link to follow up. */
export type TNotice = { kind: "success" | "error"; message: string; link?: { href: string; label: string } };

export function Notice({ notice }: { notice: TNotice | null }) {
  return (
    <div aria-live="polite">
      {notice && (
        <p
          role={notice.kind === "error" ? "alert" : "status"}
          className={`rounded-md p-3 text-sm ${
            notice.kind === "error"
              ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
              : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
          }`}
        >
          {notice.message}
          {notice.link && (
            <>
              {" "}
              <Link href={notice.link.href} className="font-medium underline">
                {notice.link.label}
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
