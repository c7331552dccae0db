"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";

type TToastKind = "success" | "error" | "info";
export type TToastAction = { label: string; run: () => void };
type TToast = { id: number; kind: TToastKind; message: string; action?: TToastAction };
type TToastApi = { show: (message: string, kind?: TToastKind, action?: TToastAction) => void };

const ToastContext = createContext<TToastApi | null>(null);

const DURATION_MS: Record<TToastKind, number> = { success: 4000, info: 4000, error: 8000 };
const STYLES: Record<TToastKind, string> = {
  success: "bg-emerald-700 text-white",
  info: "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900",
  error: "bg-red-700 text-white",
};

/** Short-lived notices for results and errors, announced to screen readers. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (message: string, kind: TToastKind = "info", action?: TToastAction) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { id, kind, message, action }]);
      // A toast with an action stays long enough to use it.
      setTimeout(() => dismiss(id), action ? 20_000 : DURATION_MS[kind]);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === "error" ? "alert" : "status"}
            className={`pointer-events-auto flex max-w-lg items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ${STYLES[toast.kind]}`}
          >
            <span className="flex-1">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
                className="font-semibold underline"
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              aria-label="Dismiss"
              className="opacity-80 hover:opacity-100"
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): TToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside ToastProvider");
  return api;
}
