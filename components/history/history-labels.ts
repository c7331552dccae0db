import type { TJournalAction, TJournalEntity } from "@/lib/domain/journal";

export const ACTION_LABELS: Record<TJournalAction, string> = {
  "organization.create": "Organisation created",
  "person.create": "Person added",
  "person.update": "Person changed",
  "person.delete": "Person removed",
  "team.create": "Team added",
  "team.update": "Team changed",
  "team.delete": "Team removed",
  "team.apply-split": "PO/PM split applied",
  "team.raci-import": "RACI sheet imported",
  "team.restore": "Team restored",
  "slot.create": "Slot added",
  "slot.update": "Slot changed",
  "slot.delete": "Slot removed",
  "slot.term": "Term ended or began",
  "duty.create": "Duty added",
  "duty.update": "Duty changed",
  "duty.delete": "Duty removed",
  "assignment.set": "Cell set",
  "map.import": "Map imported",
  "journal.undo": "Undo",
  "draft.create": "Draft made",
  "draft.plan": "Suggested plan",
  "draft.publish": "Draft published",
  "draft.publish-scheduled": "Draft published as scheduled",
  "draft.publish-refused": "Scheduled publish refused",
  "webhook.disable": "Webhook disabled",
  "draft.submit": "Draft submitted for review",
  "draft.approve": "Draft approved",
  "draft.request-changes": "Changes requested",
  "draft.approval-withdrawn": "Approval withdrawn",
  "settings.update": "Settings changed",
  "rules.update": "Rules changed",
  "system.seed": "Demo map loaded",
};

export const KIND_LABELS: Record<TJournalEntity, string> = {
  person: "People",
  team: "Teams",
  slot: "Slots",
  duty: "Duties",
  assignment: "Cells (who does what)",
  rule: "Rules",
};

export const OPERATION_LABELS = { create: "Added", update: "Changed", delete: "Removed" } as const;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** "3 minutes ago", "yesterday", "just now": how long before `now` (ms) the moment `at` was. */
export function relativeTime(at: string, now: number): string {
  const seconds = Math.round((Date.parse(at) - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), "minute");
}
