import "server-only";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import { createKeyAllocator } from "@/lib/domain/keys";
import { compareDuties, compareSlots, type TRemitMap } from "@/lib/domain/model";
import {
  applyRaciPlan,
  isApplicable,
  planRaciImport,
  raciPlanFingerprint,
  RaciSheetError,
  type TRaciChoices,
  type TRaciPlan,
  type TSheetGrid,
} from "@/lib/domain/raci-sheet";
import type { TRules } from "@/lib/domain/rules";
import { findByAddress } from "@/lib/domain/page-paths";
import { AppError, type TFieldErrors } from "@/lib/errors";
import { authorize } from "@/lib/server/auth/authorize";
import { createId } from "@/lib/server/kernel/create-id";
import { loadMapIn } from "@/lib/server/kernel/load-map";
import { mapWriter, type TOrgCall } from "@/lib/server/kernel/map-write";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";
import { readRules } from "@/lib/server/kernel/read-rules";
import { readSpreadsheet } from "@/lib/server/kernel/read-spreadsheet";
import { addFieldError } from "@/lib/validation/fields";
import { shownRef } from "@/lib/validation/map-fields";

type TFlagView = { id: string; kind: string; severity: string; message: string };

/** What a RACI sheet would do to a team (nothing is written for it): the plan, and the team's flags before and after. */
export type TRaciPreview = TRaciPlan & {
  team: { id: string; key: string; name: string };
  /** What a column or row may be matched to: the team's slots and the catalogue's duties. */
  slots: { id: string; key: string; role: string; title: string | null }[];
  duties: { id: string; key: string; name: string }[];
  score: { before: number; after: number };
  flags: { before: TFlagView[]; after: TFlagView[]; introduced: string[]; resolved: string[] };
  canApply: boolean;
  /** What the import would write, as a fingerprint: send it back as `expect` with the apply. */
  fingerprint: string;
};

export type TRaciImportResult = {
  preview: TRaciPreview;
  /** What was written, when the import was applied; null for a preview. */
  applied: { groupId: string; slots: number; duties: number; cells: number } | null;
};

const flagView = ({ id, kind, severity, message }: TRuleFlag): TFlagView => ({ id, kind, severity, message });

function teamOf(map: TRemitMap, teamId: string) {
  const team = findByAddress(map.teams, teamId);
  if (!team) {
    throw new AppError("not_found", `There is no team with the id or key "${shownRef(teamId)}" in this organisation.`);
  }
  return team;
}

function plan(map: TRemitMap, teamId: string, sheets: readonly TSheetGrid[], choices: TRaciChoices): TRaciPlan {
  try {
    return planRaciImport(map, teamId, sheets, choices);
  } catch (error) {
    if (error instanceof RaciSheetError) throw new AppError("invalid_input", error.message, { file: [error.message] });
    throw error;
  }
}

function preview(map: TRemitMap, rules: TRules, teamId: string, raci: TRaciPlan): TRaciPreview {
  const team = teamOf(map, teamId);
  const teamFlags = (analysed: TRemitMap) =>
    analyzeMap(analysed, rules).teams.find((entry) => entry.team.id === team.id) ?? { score: 100, flags: [] };
  const before = teamFlags(map);
  const after = teamFlags(applyRaciPlan(map, team.id, raci));
  const beforeIds = new Set(before.flags.map((flag) => flag.id));
  const afterIds = new Set(after.flags.map((flag) => flag.id));
  return {
    ...raci,
    team: { id: team.id, key: team.key, name: team.name },
    slots: map.slots
      .filter((slot) => slot.teamId === team.id)
      .sort(compareSlots)
      .map(({ id, key, role, title }) => ({ id, key, role, title })),
    duties: [...map.duties].sort(compareDuties).map(({ id, key, name }) => ({ id, key, name })),
    score: { before: before.score, after: after.score },
    flags: {
      before: before.flags.map(flagView),
      after: after.flags.map(flagView),
      introduced: after.flags.filter((flag) => !beforeIds.has(flag.id)).map((flag) => flag.message),
      resolved: before.flags.filter((flag) => !afterIds.has(flag.id)).map((flag) => flag.message),
    },
    canApply: isApplicable(raci),
    fingerprint: raciPlanFingerprint(raci),
  };
}

/** 400 listing every error of a plan, keyed by its cell ("B5"), row ("row 5"), or column ("column B"). */
function refusePlan(raci: TRaciPlan): AppError {
  const fields: TFieldErrors = {};
  const errors = raci.problems.filter((problem) => problem.severity === "error");
  for (const problem of errors) {
    const where =
      problem.row !== undefined && problem.column !== undefined
        ? `${problem.column}${problem.row}`
        : problem.row !== undefined
          ? `row ${problem.row}`
          : `column ${problem.column ?? ""}`;
    if (!addFieldError(fields, where, problem.message)) break;
  }
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return new AppError(
    "invalid_input",
    `The sheet has ${count}; nothing was imported. Each is listed in "fields".`,
    fields,
  );
}

/**
 * Reads a RACI sheet (CSV or XLSX) into a team. Without `apply`, a preview: what each column and row is matched to,
 * every cell that would change, every problem, and the team's flags before and after; nothing is written. With it,
 * the same plan is made again against the map as it is now, inside the write, and applied as one journal action
 * (undoable), unless it would now write something else than the preview `expect`s (409): the new duties (optional, at the end of the catalogue), the new slots (vacant), and the cells.
 */
export async function importRaciSheet({
  teamId,
  file,
  choices,
  apply,
  expect,
  ...call
}: TOrgCall & {
  teamId: string;
  file: Uint8Array;
  choices: TRaciChoices;
  apply: boolean;
  /** The fingerprint of the preview the user confirmed: nothing is written when the import would now differ. */
  expect?: string;
}): Promise<TRaciImportResult> {
  const access = await authorize({ ...call, permission: "edit_map" });
  const organizationId = access.organization.id;
  const sheets = await readSpreadsheet(file);
  if (!apply) {
    const { map, rules } = await readSnapshotAt(organizationId, undefined);
    const team = teamOf(map, teamId);
    return { preview: preview(map, rules, team.id, plan(map, team.id, sheets, choices)), applied: null };
  }
  return mapWriter(access).write(
    { action: "team.raci-import", entity: "map", lock: "update" },
    async ({ tx, groupId }) => {
      const [map, rules] = await Promise.all([loadMapIn(tx, organizationId), readRules(tx, organizationId)]);
      const team = teamOf(map, teamId);
      const raci = plan(map, team.id, sheets, choices);
      if (!isApplicable(raci)) throw refusePlan(raci);
      if (expect !== undefined && raciPlanFingerprint(raci) !== expect) {
        throw new AppError(
          "conflict",
          "The team or the duties changed since the preview, so the sheet would now change something else; nothing " +
            "was imported. Look at the preview again, then apply.",
        );
      }
      const result = preview(map, rules, team.id, raci);

      const ids = new Map<string, string>();
      const dutyKeys = createKeyAllocator(
        "duty",
        map.duties.map((duty) => duty.key),
      );
      const lastDuty = Math.max(-1, ...map.duties.map((duty) => duty.order));
      if (raci.newDuties.length > 0) {
        await tx.duty.createMany({
          data: raci.newDuties.map(({ row, name }, index) => {
            const id = createId();
            ids.set(`new:${row}`, id);
            return {
              id,
              organizationId,
              key: dutyKeys.claim(name),
              name,
              description: "",
              required: false,
              order: lastDuty + 1 + index,
            };
          }),
        });
      }
      const teamSlots = map.slots.filter((slot) => slot.teamId === team.id);
      const slotKeys = createKeyAllocator(
        "slot",
        teamSlots.map((slot) => slot.key),
      );
      const lastSlot = Math.max(-1, ...teamSlots.map((slot) => slot.order));
      if (raci.newSlots.length > 0) {
        await tx.slot.createMany({
          data: raci.newSlots.map(({ column, role }, index) => {
            const id = createId();
            ids.set(`new:${column}`, id);
            return {
              id,
              organizationId,
              teamId: team.id,
              key: slotKeys.claim(role),
              role,
              order: lastSlot + 1 + index,
            };
          }),
        });
      }
      const real = (id: string) => ids.get(id) ?? id;
      const cleared = raci.changes.filter((change) => change.after === null);
      if (cleared.length > 0) {
        await tx.assignment.deleteMany({
          where: {
            organizationId,
            teamId: team.id,
            OR: cleared.map((change) => ({ dutyId: real(change.dutyId), slotId: real(change.slotId) })),
          },
        });
      }
      for (const change of raci.changes) {
        if (change.after === null) continue;
        const dutyId = real(change.dutyId);
        const slotId = real(change.slotId);
        await tx.assignment.upsert({
          where: { slotId_dutyId: { slotId, dutyId } },
          create: { organizationId, teamId: team.id, dutyId, slotId, level: change.after, version: 1 },
          update: { level: change.after, version: { increment: 1 } },
        });
      }
      return {
        preview: result,
        applied: { groupId, slots: raci.newSlots.length, duties: raci.newDuties.length, cells: raci.changes.length },
      };
    },
  );
}
