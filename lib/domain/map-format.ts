import type { TRaciLevel } from "./model";
import type { TRuleChange, TRuleSetting } from "./rules";

/**
 * The map file format, remit.map/v1: what an export writes, an import reads and a draft stores. Entities refer to
 * each other by key, never by id. `lib/validation/map.ts` checks input against these types (and fails to compile
 * if its schema drifts from them); docs/api.md describes the format for people.
 */
export const MAP_FORMAT = "remit.map/v1";

export type TMapDocumentDuty = { key: string; name: string; description: string; required: boolean };

export type TMapDocumentPerson = {
  key: string;
  name: string;
  /** Lower case; null or missing when unknown. */
  email?: string | null;
  /** Full-time equivalents: 1 is one full-time person. */
  capacity: number;
};

export type TMapDocumentSlot = {
  /** Unique within its team only. */
  key: string;
  /** "PO", "PM" or a free label such as "Tech lead". */
  role: string;
  title?: string | null;
  /** A person's key; null while the slot is vacant. */
  holder: string | null;
  /** When the holder's term ends (ISO 8601); absent when no end is planned. */
  holderUntil?: string | null;
  /** The key of the person who takes the slot over at `nextHolderFrom` (ISO 8601); both or neither. */
  nextHolder?: string | null;
  nextHolderFrom?: string | null;
  /** The share of the holder's time, more than 0 and at most 1. */
  allocation: number;
};

export type TMapDocumentAssignment = { duty: string; slot: string; level: TRaciLevel };

export type TMapDocumentTeam = {
  key: string;
  name: string;
  description?: string | null;
  /** The team's group ("Payments area"); absent when in none. */
  group?: string | null;
  slots: TMapDocumentSlot[];
  assignments: TMapDocumentAssignment[];
};

/** A checked document, with defaults filled in (capacity 1, allocation 1, required true, holder null). */
export type TMapDocument = {
  format: typeof MAP_FORMAT;
  duties: TMapDocumentDuty[];
  people: TMapDocumentPerson[];
  teams: TMapDocumentTeam[];
  /**
   * The rules' settings (lib/domain/rules.ts), each listed rule complete, in the catalogue's order. An export lists
   * every rule; a document without `rules` leaves the organisation's rules as they are, and one with them sets the
   * rules it lists (the others keep their settings, as a PATCH of the rules does).
   */
  rules?: TRuleSetting[];
};

/** A document as written by hand or by another tool: fields with a default may be missing. */
export type TMapDocumentInput = {
  format: typeof MAP_FORMAT;
  duties?: { key: string; name: string; description?: string; required?: boolean }[];
  people?: { key: string; name: string; email?: string | null; capacity?: number }[];
  teams?: {
    key: string;
    name: string;
    description?: string | null;
    group?: string | null;
    slots?: {
      key: string;
      role: string;
      title?: string | null;
      holder?: string | null;
      holderUntil?: string | null;
      nextHolder?: string | null;
      nextHolderFrom?: string | null;
      allocation?: number;
    }[];
    assignments?: TMapDocumentAssignment[];
  }[];
  /** Fields left out take the rule's defaults; `severity: "on"` its usual severity. */
  rules?: TRuleChange[];
};
