"use client";

import { useSyncExternalStore } from "react";

/** At the latest this long after the page's load, even if the browser is never idle. */
const IDLE_TIMEOUT_MS = 3000;

let isIdle = false;
let isScheduled = false;
const listeners = new Set<() => void>();

function becomeIdle() {
  isIdle = true;
  for (const listener of listeners) listener();
}

function scheduleIdle() {
  if (isScheduled) return;
  isScheduled = true;
  const afterLoad = () => {
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(becomeIdle, { timeout: IDLE_TIMEOUT_MS });
    } else setTimeout(becomeIdle, 0);
  };
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad, { once: true });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  scheduleIdle();
  return () => listeners.delete(listener);
}

/**
 * False until the first page of this visit has loaded (its document and scripts) and the browser has had an idle
 * moment, then true for the rest of the visit. What a page does in the background (the header's unread count, the
 * navigation's prefetches) waits for it, so that it does not compete with the page's own hydration, for the browser's
 * main thread or for the server, which renders every prefetch.
 */
export function useIsPageIdle(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isIdle,
    () => false,
  );
}
