"use client";

import { useEffect, useRef } from "react";
import { RACI_LEVELS, type TRaciLevel } from "@/lib/domain/model";
import { LEVEL_LETTERS, LEVEL_NAMES, LEVEL_STYLES } from "./levels";

/** The small menu that sets a cell's level: arrow keys move, Enter chooses, Escape closes. */
export function LevelMenu({
  label,
  current,
  onChoose,
  onClose,
  comments,
}: {
  label: string;
  current: TRaciLevel | null;
  /** Where the page shows comments: the cell's open threads, and a way to their panel. */
  comments?: { open: number; onOpen: () => void };
  onChoose: (level: TRaciLevel | null) => void;
  onClose: () => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const items = menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitemradio]");
    const index = current ? RACI_LEVELS.indexOf(current) : 0;
    items?.[index]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [current, onClose]);

  const options: (TRaciLevel | null)[] = [...RACI_LEVELS, null];
  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={label}
      className="absolute left-1/2 top-full z-20 mt-1 w-44 -translate-x-1/2 rounded-md bg-white p-1 text-left shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
      onKeyDown={(event) => {
        const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>("[role^=menuitem]") ?? [])];
        const index = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          const step = event.key === "ArrowDown" ? 1 : -1;
          items[(index + step + items.length) % items.length]?.focus();
        } else if (event.key === "Escape" || event.key === "Tab") {
          event.preventDefault();
          onClose();
        }
        event.stopPropagation();
      }}
    >
      {options.map((level) => (
        <button
          key={level ?? "clear"}
          type="button"
          role="menuitemradio"
          aria-checked={level === current}
          onClick={() => onChoose(level)}
          className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800"
        >
          {level ? (
            <>
              <span
                className={`inline-flex size-5 items-center justify-center rounded text-xs font-bold ${LEVEL_STYLES[level]}`}
              >
                {LEVEL_LETTERS[level]}
              </span>
              {LEVEL_NAMES[level]}
            </>
          ) : (
            <span className="pl-7 text-slate-600 dark:text-slate-400">Clear</span>
          )}
        </button>
      ))}
      {comments && (
        <button
          type="button"
          role="menuitem"
          onClick={comments.onOpen}
          className="mt-1 flex w-full items-center gap-2 rounded border-t border-slate-200 px-2 py-1.5 text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:border-slate-700 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
        >
          <span className="pl-7">Comments{comments.open > 0 ? ` (${comments.open} open)` : "…"}</span>
        </button>
      )}
    </div>
  );
}
