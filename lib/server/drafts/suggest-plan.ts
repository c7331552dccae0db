import "server-only";
import { db } from "@/lib/db";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import { countNoun } from "@/lib/domain/count-noun";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TRemitMap } from "@/lib/domain/model";
import { findByAddress } from "@/lib/domain/page-paths";
import {
  applyPlan,
  askedSeverities,
  flagKey,
  HOLDER_OPTION_BUDGET,
  type TPlanChange,
  type TPlanOptions,
  type TPlanProgress,
} from "@/lib/domain/plan-model";
import { announceNow } from "@/lib/server/kernel/run-write";
import { AppError, type TFieldErrors } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { loadMap, loadMapIn } from "@/lib/server/kernel/load-map";
import { writeMap } from "@/lib/server/kernel/map-write";
import { readRules } from "@/lib/server/kernel/read-rules";
import { replaceMap } from "@/lib/server/kernel/replace-map";
import { shownRef } from "@/lib/validation/map-fields";
import { DRAFT_DESCRIPTION_MAX } from "@/lib/validation/drafts";
import type { TSuggestPlan } from "@/lib/validation/plans";
import type { TDraftView } from "@/lib/domain/drafts";
import { createDraft, liveAccess } from "./drafts";
import { planMap } from "./plan-map";

export const DEFAULT_PLAN_SECONDS = 10;

type TNamed = { id: string; key: string; name: string };

/** One change of a plan, by name, with the flags it resolves. */
export type TPlanChangeView = {
  kind: "cell" | "holder" | "allocation";
  team: TNamed;
  slot: { id: string; key: string; role: string };
  duty: TNamed | null;
  /** A cell's level before and after, or the slot's holder (a person, or null when vacant) before and after. */
  from: string | null;
  to: string | null;
  fromPerson: TNamed | null;
  toPerson: TNamed | null;
  /** An allocation change's allocation before and after; null for other changes. */
  fromAllocation: number | null;
  toAllocation: number | null;
  /** What the change says, in a sentence. */
  summary: string;
  resolves: TRuleFlag[];
};

export type TPlanAnswer = {
  /** The new draft holding the plan; null when the plan clears nothing (then no draft is made). */
  draft: TDraftView | null;
  plan: {
    status: "planned" | "nothing_to_clear" | "no_plan";
    /** What happened, in words. */
    message: string;
    changes: TPlanChangeView[];
    resolved: TRuleFlag[];
    introduced: TRuleFlag[];
    notCleared: { flag: TRuleFlag; reason: string }[];
    objective: number | null;
    /** Whether no plan at all costs less: the solver proved it, and every person who could help was an option. */
    isOptimal: boolean;
    /**
     * When the plan could give slots only to some people (everyone who could make it better was too many options):
     * who, in words; the plan is then optimal among those at best. Null when nobody was left out.
     */
    holderPool: string | null;
    /** The solver's relative gap when it stopped at its time limit; 0 when proven optimal. */
    gap: number | null;
    solveSeconds: number | null;
  };
};

/**
 * Suggests a plan for the live map (or, with `from`, a draft's): the changes that clear the flags asked for at the
 * least cost (see buildPlanProgram), solved by HiGHS in a worker thread within the time limit. The changes are
 * written into a new draft (made as any draft is, then changed through the map writer as one journalled action), so
 * compare, edit, review, publish and undo apply to it. A plan that clears nothing makes no draft.
 */
export async function suggestPlan({
  actor,
  orgSlug,
  request,
}: {
  actor: TActor | null;
  orgSlug: string;
  request: TSuggestPlan;
}): Promise<TPlanAnswer> {
  const { organization, actor: caller } = await liveAccess(actor, orgSlug, "edit_map");
  const fields: TFieldErrors = {};
  const problem = (field: string, message: string) => (fields[field] ??= []).push(message);

  let sourceId = organization.id;
  if (request.from !== undefined) {
    const draft = await db.draft.findFirst({
      where: { id: request.from, organizationId: organization.id },
      select: { workspaceId: true, publishedAt: true },
    });
    if (!draft) problem("from", `There is no draft "${shownRef(request.from)}" in this organisation.`);
    else sourceId = draft.workspaceId;
  }
  const [map, rules] = await Promise.all([loadMap({ organizationId: sourceId }), readRules(db, sourceId)]);
  const resolveAll = (field: string, refs: readonly string[] | undefined, entities: readonly TNamed[], noun: string) =>
    (refs ?? []).flatMap((ref, index) => {
      const found = findByAddress(entities, ref);
      if (!found) problem(`${field}[${index}]`, `There is no ${noun} with the id or key "${shownRef(ref)}".`);
      return found ? [found.id] : [];
    });
  const lockedTeams = resolveAll("lockedTeams", request.lockedTeams, map.teams, "team");
  const lockedPeople = resolveAll("lockedPeople", request.lockedPeople, map.people, "person");
  const onlyTeams = request.onlyTeams ? resolveAll("onlyTeams", request.onlyTeams, map.teams, "team") : undefined;
  if (Object.keys(fields).length > 0) {
    const count = Object.values(fields).flat().length;
    throw new AppError(
      "invalid_input",
      `The plan request has ${count === 1 ? "1 problem" : `${count} problems`}; nothing was planned.`,
      fields,
    );
  }

  const options: TPlanOptions = {
    clear: request.clear,
    lockedTeams,
    lockedPeople,
    onlyTeams,
    maxChanges: request.maxChanges,
    allowHolderChanges: request.allowHolderChanges ?? true,
    allowAllocationChanges: request.allowAllocationChanges ?? true,
  };
  const seconds = request.timeLimitSeconds ?? DEFAULT_PLAN_SECONDS;
  const started = Date.now();
  const before = analyzeMap(map, rules).flags;
  const report = progressReporter(caller, organization.id, request.progressId);
  const result = await planMap(map, rules, options, seconds, before, report);
  const asked = askedSeverities(request.clear);
  const askedBefore = before.filter((flag) => asked.has(flag.severity));
  const empty = {
    changes: [],
    resolved: [],
    introduced: [],
    objective: null,
    isOptimal: false,
    holderPool: null,
    gap: null,
  };
  if (result.status !== "planned") {
    return {
      draft: null,
      plan: {
        ...empty,
        status: result.status,
        message: `${result.reason} No draft was made.`,
        notCleared: askedBefore.map((flag) => ({ flag, reason: whyNotCleared(flag, map, options, null) })),
        solveSeconds: result.status === "no_plan" ? result.solve.seconds : null,
      },
    };
  }

  const { changes, judgement, solve } = result;
  const clearedAsked = judgement.resolved.filter((flag) => asked.has(flag.severity));
  const notCleared = judgement.remaining
    .filter((flag) => askedBefore.some((was) => flagKey(was) === flagKey(flag)))
    .map((flag) => ({ flag, reason: whyNotCleared(flag, map, options, result) }));
  const views = changes.map((change) => viewOf(change, map, judgement.resolved));
  const holderPool = result.isPoolComplete
    ? null
    : `New holders came only from the ${result.candidatesPerSlot} people with the most spare capacity for each ` +
      `slot: everyone who could make the plan better would have been more than ` +
      `${HOLDER_OPTION_BUDGET.toLocaleString("en")} options.`;
  const base = {
    resolved: judgement.resolved,
    introduced: judgement.introduced,
    notCleared,
    objective: result.objective,
    isOptimal: result.isOptimal && result.isPoolComplete,
    holderPool,
    gap: solve.gap,
    solveSeconds: solve.seconds,
  };
  if (changes.length === 0 || clearedAsked.length === 0) {
    return {
      draft: null,
      plan: {
        ...base,
        changes: [],
        status: "nothing_to_clear",
        message: `No change clears any of the ${askedBefore.length} flags asked for without raising worse ones. No draft was made.`,
      },
    };
  }

  const flags = (count: number) =>
    request.clear === "errors"
      ? countNoun(count, "error")
      : countNoun(count, "error or warning", "errors and warnings");
  const message =
    `${changes.length === 1 ? "1 change clears" : `${changes.length} changes clear`} ` +
    `${clearedAsked.length} of ${flags(askedBefore.length)}` +
    (judgement.introduced.length > 0 ? `, and raise ${countNoun(judgement.introduced.length, "lesser flag")}` : "") +
    (result.isOptimal
      ? holderPool === null
        ? "; proven optimal."
        : `; proven optimal among the plans that give slots only to the ${result.candidatesPerSlot} people with the most spare capacity for each slot.`
      : `; the solver stopped at its time limit ${formatGap(solve.gap)} from the best bound it proved.`);
  report?.({ stage: "writing", seconds: (Date.now() - started) / 1000, gap: solve.gap });
  const { draft } = await createDraft({
    actor,
    orgSlug,
    name: `Plan: clear ${flags(clearedAsked.length)}`,
    // What it could not clear first: the changes themselves are on the compare page.
    description: [
      message,
      ...notCleared.map(({ flag, reason }) => `Not cleared: ${flag.message} ${reason}`),
      ...views.map((view) => `- ${view.summary}`),
    ]
      .join("\n")
      .slice(0, DRAFT_DESCRIPTION_MAX),
    from: request.from,
    plan: {
      message,
      changes: views.map((view) => ({ summary: view.summary, resolves: view.resolves.map(planFlag) })),
      notCleared: notCleared.map(({ flag, reason }) => ({ flag: planFlag(flag), reason })),
    },
  });
  await writePlan(actor, draft.slug, map, changes);
  return { draft, plan: { ...base, changes: views, status: "planned", message } };
}

/**
 * Tells the caller's event streams how the plan goes (best effort: a progress that does not arrive loses nothing),
 * when their request gave it an id.
 */
function progressReporter(
  caller: TActor,
  organizationId: string,
  requestId: string | undefined,
): ((progress: TPlanProgress) => void) | undefined {
  if (requestId === undefined) return undefined;
  const subjectId = caller.kind === "user" ? caller.userId : caller.tokenId;
  return (progress) =>
    void announceNow({
      type: "plan_progress",
      organizationId,
      subjectId,
      requestId,
      ...progress,
      at: Date.now(),
    }).catch(() => undefined);
}

/**
 * Writes the plan's changes into the draft's workspace, matched by key (the copy has ids of its own), as one
 * journalled write through the map writer: a replace that writes only the rows that differ.
 */
async function writePlan(actor: TActor | null, draftSlug: string, source: TRemitMap, changes: readonly TPlanChange[]) {
  const teamKey = new Map(source.teams.map((team) => [team.id, team.key]));
  const slotOf = new Map(source.slots.map((slot) => [slot.id, slot]));
  const dutyKey = new Map(source.duties.map((duty) => [duty.id, duty.key]));
  const personKey = new Map(source.people.map((person) => [person.id, person.key]));
  await writeMap(
    {
      actor,
      orgSlug: draftSlug,
      action: "draft.plan",
      entity: "map",
      lock: "update",
      transaction: { timeout: 120_000 },
    },
    async ({ tx, organizationId }) => {
      const current = await loadMapIn(tx, organizationId);
      const teamIds = new Map(current.teams.map((team) => [team.key, team.id]));
      const slotIds = new Map(current.slots.map((slot) => [`${slot.teamId}|${slot.key}`, slot.id]));
      const dutyIds = new Map(current.duties.map((duty) => [duty.key, duty.id]));
      const personIds = new Map(current.people.map((person) => [person.key, person.id]));
      const translated = changes.map((change): TPlanChange => {
        const teamId = teamIds.get(teamKey.get(change.teamId)!)!;
        const slotId = slotIds.get(`${teamId}|${slotOf.get(change.slotId)!.key}`)!;
        const person = (id: string | null) => (id === null ? null : personIds.get(personKey.get(id)!)!);
        if (change.kind === "holder")
          return { ...change, teamId, slotId, from: person(change.from), to: person(change.to) };
        if (change.kind === "allocation") return { ...change, teamId, slotId };
        return { ...change, teamId, slotId, dutyId: dutyIds.get(dutyKey.get(change.dutyId)!)! };
      });
      const after = applyPlan(current, translated);
      const document = mapToDocument(after, await readRules(tx, organizationId));
      return replaceMap(tx, { organizationId, document, current });
    },
  );
}

const planFlag = ({ kind, severity, message }: TRuleFlag) => ({ kind, severity, message });

function formatGap(gap: number | null): string {
  return gap === null ? "" : `${Math.round(gap * 10_000) / 100}%`;
}

/** A change by name, with the flags (of those the plan resolves) that are about what it changes. */
function viewOf(change: TPlanChange, map: TRemitMap, resolved: readonly TRuleFlag[]): TPlanChangeView {
  const team = map.teams.find((entry) => entry.id === change.teamId)!;
  const slot = map.slots.find((entry) => entry.id === change.slotId)!;
  const named = (entity: TNamed) => ({ id: entity.id, key: entity.key, name: entity.name });
  const slotRef = { id: slot.id, key: slot.key, role: slot.role };
  const label = slot.title ?? slot.role;
  if (change.kind === "cell") {
    const duty = map.duties.find((entry) => entry.id === change.dutyId)!;
    const resolves = resolved.filter(
      (flag) =>
        ("duty" in flag && flag.duty.id === duty.id && "team" in flag && flag.team.id === team.id) ||
        (flag.kind === "vacant_slot" && flag.slot.id === slot.id) ||
        (flag.kind === "idle_slot" && flag.slot.id === slot.id),
    );
    return {
      kind: "cell",
      team: named(team),
      slot: slotRef,
      duty: named(duty),
      from: change.from,
      to: change.to,
      fromPerson: null,
      toPerson: null,
      fromAllocation: null,
      toAllocation: null,
      summary: `${team.name}: make the ${label} ${change.to} for ${duty.name} (was ${change.from ?? "empty"}).`,
      resolves,
    };
  }
  if (change.kind === "allocation") {
    const holder = map.people.find((entry) => entry.id === slot.holderId);
    const percent = (allocation: number) => `${Math.round(allocation * 100)}%`;
    return {
      kind: "allocation",
      team: named(team),
      slot: slotRef,
      duty: null,
      from: null,
      to: null,
      fromPerson: null,
      toPerson: null,
      fromAllocation: change.from,
      toAllocation: change.to,
      summary:
        `${team.name}: lower the ${label} slot${holder ? ` (${holder.name})` : ""} to ${percent(change.to)} of ` +
        `its holder's time (was ${percent(change.from)}).`,
      // The overload of whoever holds the slot after the plan (or held it before).
      resolves: resolved.filter(
        (flag) => flag.kind === "overloaded_person" && flag.holdings.some((holding) => holding.slot.id === slot.id),
      ),
    };
  }
  const person = (id: string | null) => {
    const found = id === null ? undefined : map.people.find((entry) => entry.id === id);
    return found ? named(found) : null;
  };
  const fromPerson = person(change.from);
  const toPerson = person(change.to);
  const resolves = resolved.filter((flag) => {
    if ((flag.kind === "vacant_slot" || flag.kind === "idle_slot") && flag.slot.id === slot.id) return true;
    if (flag.kind === "team_size" && flag.team.id === team.id) return true;
    if (!("person" in flag) || flag.person.id !== change.from) return false;
    return flag.kind === "dual_role" ? flag.team.id === team.id : flag.kind !== "idle_slot";
  });
  return {
    kind: "holder",
    team: named(team),
    slot: slotRef,
    duty: null,
    from: change.from,
    to: change.to,
    fromPerson,
    toPerson,
    fromAllocation: null,
    toAllocation: null,
    summary: toPerson
      ? `${team.name}: give the ${label} slot to ${toPerson.name}${fromPerson ? ` (was ${fromPerson.name})` : ""}.`
      : `${team.name}: leave the ${label} slot vacant (was ${fromPerson?.name ?? "vacant"}).`,
    resolves,
  };
}

/** Why a flag asked for is still there after the plan. */
function whyNotCleared(
  flag: TRuleFlag,
  map: TRemitMap,
  options: TPlanOptions,
  result: {
    isOptimal: boolean;
    isPoolComplete: boolean;
    candidatesPerSlot: number | null;
    changes: readonly TPlanChange[];
  } | null,
): string {
  if ("team" in flag && !("person" in flag && flag.kind !== "dual_role")) {
    if (options.lockedTeams?.includes(flag.team.id)) return "Its team is locked.";
    if (options.onlyTeams && !options.onlyTeams.includes(flag.team.id)) return "Its team is outside the plan.";
    if (flag.kind === "unowned_duty" && !map.slots.some((slot) => slot.teamId === flag.team.id)) {
      return "The team has no slot at all: add one, then ask again.";
    }
  }
  if ("person" in flag && options.lockedPeople?.includes(flag.person.id)) return "The person is locked.";
  if (flag.kind === "vacant_slot" && options.allowHolderChanges === false) {
    return "Filling the slot needs a holder change, which this plan was not allowed to make.";
  }
  if (result && options.maxChanges !== undefined && result.changes.length >= options.maxChanges) {
    return `The plan used all of the ${options.maxChanges} changes it was allowed.`;
  }
  if (result && !result.isOptimal) return "The solver stopped at its time limit before it found a way to clear it.";
  const holders =
    result && !result.isPoolComplete
      ? `the ${result.candidatesPerSlot} people with the most spare capacity for each slot`
      : "every person who could take a slot";
  return (
    `Every way the plan could clear it (cell levels, lower allocations, ${holders}) raises a flag that weighs more, ` +
    "or costs more than it is worth."
  );
}
