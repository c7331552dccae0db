"use client";

import type { TRuleView } from "@/lib/client/rules";
import type { TParamSpec, TRuleSeverity } from "@/lib/domain/rules";

/** A rule's settings as the form holds them: exempt teams as typed (keys separated by commas). */
export type TRuleDraft = { severity: TRuleSeverity; params: Record<string, unknown>; exemptTeams: string };

const SEVERITY_LABELS: Record<TRuleSeverity, string> = {
  error: "Error",
  warning: "Warning",
  info: "Info",
  off: "Off",
};

const INPUT =
  "mt-1 block w-full rounded-md border-0 bg-white py-1.5 px-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-100 disabled:text-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:disabled:bg-slate-800 dark:disabled:text-slate-400";

const LEAN_CHOICES = [
  { value: "", label: "Neither" },
  { value: "PO", label: "PO" },
  { value: "PM", label: "PM" },
] as const;

/** One rule: what it flags, and its severity, parameters and exempt teams as fields. */
export function RuleFields({
  rule,
  spec,
  draft,
  severities,
  duties,
  canEdit,
  errors,
  onChange,
}: {
  rule: TRuleView;
  spec: Readonly<Record<string, TParamSpec>>;
  draft: TRuleDraft;
  severities: readonly TRuleSeverity[];
  duties: readonly { key: string; name: string }[];
  canEdit: boolean;
  errors: readonly string[];
  onChange: (draft: TRuleDraft) => void;
}) {
  const id = `rule-${rule.id}`;
  const isOff = draft.severity === "off";
  const setParam = (name: string, value: unknown) => onChange({ ...draft, params: { ...draft.params, [name]: value } });
  return (
    <fieldset
      aria-describedby={`${id}-description`}
      className={`rounded-lg border p-4 ${isOff ? "border-slate-200 dark:border-slate-800" : "border-slate-300 dark:border-slate-700"}`}
    >
      <legend className="px-1 font-semibold">
        {rule.name}
        {rule.recommended && (
          <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
            Recommended
          </span>
        )}
      </legend>
      <p id={`${id}-description`} className="text-sm text-slate-600 dark:text-slate-400">
        {rule.description}
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <label className="text-sm font-medium">
          Severity
          <select
            className={INPUT}
            value={draft.severity}
            disabled={!canEdit}
            onChange={(event) => onChange({ ...draft, severity: event.target.value as TRuleSeverity })}
          >
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </select>
        </label>
        {Object.entries(spec).map(([name, param]) =>
          param.type === "lean" ? null : (
            <label key={name} className="text-sm font-medium">
              {param.description}
              <input
                className={INPUT}
                type="number"
                inputMode={param.type === "integer" ? "numeric" : "decimal"}
                min={param.min}
                step={param.type === "integer" ? 1 : "any"}
                disabled={!canEdit}
                value={String(draft.params[name] ?? "")}
                onChange={(event) =>
                  setParam(name, event.target.value === "" ? event.target.value : Number(event.target.value))
                }
              />
            </label>
          ),
        )}
        {rule.scope === "team" && (
          <label className="text-sm font-medium sm:col-span-2 lg:col-span-1">
            Exempt teams (keys, separated by commas)
            <input
              className={INPUT}
              type="text"
              disabled={!canEdit}
              value={draft.exemptTeams}
              placeholder="none"
              onChange={(event) => onChange({ ...draft, exemptTeams: event.target.value })}
            />
          </label>
        )}
      </div>
      {"lean" in spec && (
        <LeanFields
          id={id}
          lean={(draft.params.lean ?? {}) as Record<string, string>}
          duties={duties}
          canEdit={canEdit}
          onChange={(lean) => setParam("lean", lean)}
        />
      )}
      {errors.length > 0 && (
        <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The role each duty leans to, one choice per duty of the catalogue. */
function LeanFields({
  id,
  lean,
  duties,
  canEdit,
  onChange,
}: {
  id: string;
  lean: Readonly<Record<string, string>>;
  duties: readonly { key: string; name: string }[];
  canEdit: boolean;
  onChange: (lean: Record<string, string>) => void;
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium">Which role each duty leans to</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {duties.map((duty) => (
          <label key={duty.key} htmlFor={`${id}-lean-${duty.key}`} className="flex items-center justify-between gap-2">
            <span>{duty.name}</span>
            <select
              id={`${id}-lean-${duty.key}`}
              className={`${INPUT} mt-0 w-24`}
              value={lean[duty.key] ?? ""}
              disabled={!canEdit}
              onChange={(event) => {
                const { [duty.key]: _previous, ...others } = lean;
                onChange(event.target.value ? { ...others, [duty.key]: event.target.value } : others);
              }}
            >
              {LEAN_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
