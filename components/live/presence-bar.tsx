"use client";

import { usePathname } from "next/navigation";
import { initials } from "@/lib/domain/team-view";
import { peerColor } from "@/lib/domain/peer-color";
import { useLiveState } from "./live-provider";

/** Who else is on this page, and whether this tab is receiving live updates. */
export function PresenceBar() {
  const { peers, status } = useLiveState();
  const pathname = usePathname();
  const here = new Map(
    [...peers.values()].filter((peer) => peer.path === pathname).map((peer) => [peer.user.id, peer.user]),
  );
  return (
    <div className="flex items-center gap-3">
      {here.size > 0 && (
        <ul aria-label="Also viewing this page" className="flex -space-x-1.5">
          {[...here.values()].map((user) => (
            <li key={user.id} title={`${user.name} is viewing this page`}>
              <span
                className="inline-flex size-7 items-center justify-center rounded-full text-[10px] font-bold text-white ring-2 ring-white dark:ring-slate-950"
                style={{ backgroundColor: peerColor(user.id) }}
              >
                <span aria-hidden>{initials(user.name)}</span>
                <span className="sr-only">{user.name}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <span role="status" className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
        <span
          aria-hidden
          className={`inline-block size-2 rounded-full ${status === "live" ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`}
        />
        {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
      </span>
    </div>
  );
}
