"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useSettledValue } from "@/lib/client/use-settled-value";
import {
  useRulesPreview,
  useSaveRules,
  type TRuleChange,
  type TRulesPreview,
  type TRuleView,
} from "@/lib/client/rules";
import { RULE_CATALOGUE, RULE_SEVERITIES, type TParamSpec, type TRuleId } from "@/lib/domain/rules";
import { RuleFields, type TRuleDraft } from "./rule-fields";

type TProps = {
  orgId: string;
  orgSlug: string;
  canEdit: boolean;
  rules: readonly TRuleView[];
  /** The organisation's duties, for the rules whose parameters name duties. */
  duties: readonly { key: string; name: string }[];
};

/** How long the settings must stay unchanged before their effect is asked for. */
const PREVIEW_DELAY_MS = 400;

function draftOf(rule: TRuleView): TRuleDraft {
  return {
    severity: rule.severity,
    params: rule.params as Record<string, unknown>,
    exemptTeams: rule.exemptTeams.join(", "),
  };
}

function teamKeys(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** What differs between the drafts and the saved rules, as the API takes it. */
function changesOf(rules: readonly TRuleView[], drafts: Readonly<Record<string, TRuleDraft>>): TRuleChange[] {
  return rules.flatMap((rule) => {
    const draft = drafts[rule.id]!;
    const exemptTeams = teamKeys(draft.exemptTeams);
    const isSame =
      draft.severity === rule.severity &&
      JSON.stringify(draft.params) === JSON.stringify(rule.params) &&
      JSON.stringify(exemptTeams) === JSON.stringify(rule.exemptTeams);
    if (isSame) return [];
    return [
      {
        id: rule.id,
        severity: draft.severity,
        params: draft.params,
        ...(rule.scope === "team" ? { exemptTeams } : {}),
      } as TRuleChange,
    ];
  });
}

/**
 * The organisation's rules: each with what it flags, its severity, parameters and exempt teams; the effect of the
 * changes on the map's flags and health, previewed before they are saved. Viewers read them.
 */
export function RulesEditor({ orgId, orgSlug, canEdit, rules: initial, duties }: TProps) {
  const toast = useToast();
  const [saved, setSaved] = useState(initial);
  const [drafts, setDrafts] = useState(() => Object.fromEntries(saved.map((rule) => [rule.id, draftOf(rule)])));
  const changes = useMemo(() => changesOf(saved, drafts), [saved, drafts]);
  const settledChanges = useSettledValue(changes, PREVIEW_DELAY_MS);
  const preview = useRulesPreview({ orgId, orgSlug }, settledChanges);
  const save = useSaveRules({ orgId, orgSlug });
  const fieldErrors = save.error instanceof ApiError ? (save.error.fields ?? {}) : {};

  const setDraft = (id: TRuleId, draft: TRuleDraft) => setDrafts((current) => ({ ...current, [id]: draft }));
  const offRecommended = saved.filter((rule) => rule.recommended && drafts[rule.id]!.severity === "off");
  const turnOnRecommended = () =>
    setDrafts((current) => {
      const next = { ...current };
      for (const rule of offRecommended)
        next[rule.id] = { ...next[rule.id]!, severity: RULE_CATALOGUE[rule.id].severityWhenOn };
      return next;
    });
  const onSave = () =>
    save.mutate(changes, {
      onSuccess: ({ rules }) => {
        setSaved(rules);
        setDrafts(Object.fromEntries(rules.map((rule) => [rule.id, draftOf(rule)])));
        toast.show(`Rules saved (${changes.length} changed). Every screen now checks the map against them.`, "success");
      },
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-4">
        {canEdit && offRecommended.length > 0 && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm dark:border-indigo-900 dark:bg-indigo-950/40">
            <p>
              The PO/PM guide recommends {offRecommended.map((rule) => rule.name).join(" and ")}: accountable duties
              with the role they lean to, and POs who do not spread over too many teams.
            </p>
            <Button variant="secondary" onClick={turnOnRecommended}>
              Turn on the recommended rules
            </Button>
          </div>
        )}
        {saved.map((rule) => (
          <RuleFields
            key={rule.id}
            rule={rule}
            spec={RULE_CATALOGUE[rule.id].params as Record<string, TParamSpec>}
            draft={drafts[rule.id]!}
            severities={RULE_SEVERITIES}
            duties={duties}
            canEdit={canEdit}
            errors={errorsOf(fieldErrors, changes, rule.id)}
            onChange={(draft) => setDraft(rule.id, draft)}
          />
        ))}
      </div>
      {canEdit && (
        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <section
            aria-labelledby="rules-effect-heading"
            className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          >
            <h2 id="rules-effect-heading" className="font-semibold">
              Effect on the map
            </h2>
            <PreviewSummary
              hasChanges={changes.length > 0}
              isPending={changes !== settledChanges || preview.isFetching}
              preview={preview.data}
              error={preview.error}
            />
            <div className="flex flex-wrap gap-2">
              <Button onClick={onSave} disabled={changes.length === 0 || save.isPending}>
                {save.isPending ? "Saving…" : "Save rules"}
              </Button>
              <Button
                variant="secondary"
                disabled={changes.length === 0 || save.isPending}
                onClick={() => setDrafts(Object.fromEntries(saved.map((rule) => [rule.id, draftOf(rule)])))}
              >
                Discard changes
              </Button>
            </div>
            {save.error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {errorMessage(save.error, "The rules were not saved.")}
              </p>
            )}
          </section>
        </aside>
      )}
    </div>
  );
}

/** The messages of the field errors that concern one rule (the API reports them by the change's position). */
function errorsOf(
  fields: Readonly<Record<string, readonly string[]>>,
  changes: readonly TRuleChange[],
  id: TRuleId,
): string[] {
  const position = changes.findIndex((change) => change.id === id);
  if (position < 0) return [];
  const prefix = `rules.${position}`;
  return Object.entries(fields).flatMap(([path, messages]) =>
    path === prefix || path.startsWith(`${prefix}.`) ? [...messages] : [],
  );
}

function PreviewSummary({
  hasChanges,
  isPending,
  preview,
  error,
}: {
  hasChanges: boolean;
  isPending: boolean;
  preview: TRulesPreview | undefined;
  error: Error | null;
}) {
  if (!hasChanges) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Change a rule to see what it would flag.</p>;
  }
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {errorMessage(error, "The effect could not be worked out.")}
      </p>
    );
  }
  if (!preview || isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Working out the effect…
      </p>
    );
  }
  const { introduced, resolved } = preview.flags;
  const teams = new Set(introduced.flatMap((flag) => ("team" in flag && flag.team ? [flag.team.id] : [])));
  const health = `health ${preview.score.before ?? "–"} → ${preview.score.after ?? "–"}`;
  const added = `adds ${introduced.length} flag${introduced.length === 1 ? "" : "s"} in ${teams.size} team${teams.size === 1 ? "" : "s"}`;
  const removed = resolved.length > 0 ? `, resolves ${resolved.length}` : "";
  return (
    <div role="status" className="space-y-2 text-sm">
      <p className="font-medium" data-testid="rules-effect">
        Saving {`${added}${removed}`}, {health}.
      </p>
      {introduced.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
          {introduced.slice(0, 5).map((flag) => (
            <li key={flag.id}>{flag.message}</li>
          ))}
          {introduced.length > 5 && <li>and {introduced.length - 5} more.</li>}
        </ul>
      )}
    </div>
  );
}
