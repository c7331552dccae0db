/**
 * The responsibility map of one organisation, as the domain code sees it in memory.
 * Every id is an opaque string chosen by the caller (the database, or an id function on import);
 * keys are the human-readable references that are unique in the organisation (slots: in their team).
 */

/** RACI levels, strongest first. */
export const RACI_LEVELS = ["accountable", "responsible", "consulted", "informed"] as const;
export type TRaciLevel = (typeof RACI_LEVELS)[number];

export const PO_ROLE = "PO";
export const PM_ROLE = "PM";
export type TStandardRole = typeof PO_ROLE | typeof PM_ROLE;

/** One full-time person. */
export const DEFAULT_CAPACITY = 1;
/** A slot takes all of its holder's time unless told otherwise. */
export const DEFAULT_ALLOCATION = 1;

export type TPerson = {
  id: string;
  key: string;
  name: string;
  email: string | null;
  /** Full-time equivalents this person can give; 1 is one full-time person. */
  capacity: number;
};

export type TTeam = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  /** The grouping the organisation chose ("Payments area"); null when the team is in none. */
  group: string | null;
};

export type TSlot = {
  id: string;
  /** Unique within the team. */
  key: string;
  teamId: string;
  /** `PO`, `PM`, or a custom label such as "Tech lead". */
  role: string;
  title: string | null;
  /** The person holding the slot; null when it is vacant. */
  holderId: string | null;
  /** When the holder's term ends (ISO 8601): then the slot is vacant, or its next holder's. Null: no end planned. */
  holderUntil: string | null;
  /** Who takes the slot over at `nextHolderFrom` (ISO 8601); both null when nobody is planned. */
  nextHolderId: string | null;
  nextHolderFrom: string | null;
  /** Share of the holder's time the slot takes, in full-time equivalents. */
  allocation: number;
  /** Position among the team's slots; lower comes first. */
  order: number;
};

export type TDuty = {
  id: string;
  key: string;
  name: string;
  description: string;
  /** A required duty must have an accountable slot in every team. */
  required: boolean;
  /** Position in the organisation's catalogue; lower comes first. */
  order: number;
};

/** One cell of the team x duty x slot grid. At most one level per (duty, slot). */
export type TAssignment = {
  teamId: string;
  dutyId: string;
  slotId: string;
  level: TRaciLevel;
  /** Bumped on every change, for optimistic concurrency. */
  version: number;
};

export type TRemitMap = {
  people: readonly TPerson[];
  teams: readonly TTeam[];
  slots: readonly TSlot[];
  duties: readonly TDuty[];
  assignments: readonly TAssignment[];
};

export type TMapEntityKind = "person" | "team" | "slot" | "duty";

/** What a flag or a result points at: the id for code, the key for people and URLs. */
export type TEntityRef = { id: string; key: string };

export function isRaciLevel(value: unknown): value is TRaciLevel {
  return typeof value === "string" && (RACI_LEVELS as readonly string[]).includes(value);
}

export function isStandardRole(role: string): role is TStandardRole {
  return role === PO_ROLE || role === PM_ROLE;
}

/**
 * The canonical spelling of a role label: trimmed, inner whitespace collapsed, and "po"/"Pm" read as PO/PM
 * so that a hand-typed label still counts as the standard role.
 */
export function normalizeRole(label: string): string {
  const tidy = label.trim().replace(/\s+/g, " ");
  const upper = tidy.toUpperCase();
  return isStandardRole(upper) ? upper : tidy;
}

/** The slots a new team starts with: one PO and one PM, both vacant. */
/** A slot's terms when none is planned. */
export const NO_TERMS = { holderUntil: null, nextHolderId: null, nextHolderFrom: null } as const;

export const NEW_TEAM_SLOTS: readonly Pick<TSlot, "key" | "role" | "title" | "holderId" | "allocation" | "order">[] = [
  { key: "po", role: PO_ROLE, title: null, holderId: null, allocation: DEFAULT_ALLOCATION, order: 0 },
  { key: "pm", role: PM_ROLE, title: null, holderId: null, allocation: DEFAULT_ALLOCATION, order: 1 },
];

/** Slots in display order: by `order`, then key, so ties are still stable. */
export function compareSlots(a: Pick<TSlot, "order" | "key">, b: Pick<TSlot, "order" | "key">): number {
  return a.order - b.order || compareKeys(a.key, b.key);
}

/** Duties in catalogue order: by `order`, then key. */
export function compareDuties(a: Pick<TDuty, "order" | "key">, b: Pick<TDuty, "order" | "key">): number {
  return a.order - b.order || compareKeys(a.key, b.key);
}

// One collator for every comparison: localeCompare with options builds a new one per call, which made sorting
// 10,000 people take most of a second.
const NAME_COLLATOR = new Intl.Collator("en", { sensitivity: "base" });

/** People or teams by name (ignoring case and accents), then id, so that equal names keep a stable order. */
export function compareNames(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return NAME_COLLATOR.compare(a.name, b.name) || compareKeys(a.id, b.id);
}

/** Keys are ASCII slugs, so a plain code-unit comparison is stable across locales. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
