"use client";

import { useEffect, useState } from "react";

/** Typing in a search field asks the server once the typing pauses this long. */
export const SEARCH_DELAY_MS = 250;

/** `value` once it has stayed the same for `delayMs`: what a search sends, rather than every keystroke. */
export function useSettledValue<T>(value: T, delayMs = SEARCH_DELAY_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
