import "server-only";
import { AppError } from "@/lib/errors";
import { MAP_LIMITS } from "@/lib/validation/map";

/** No body Remit reads nests deeper than a handful of levels; a map document about six. */
export const MAX_JSON_DEPTH = 32;
/** The longest list any body holds: a map document's people (its other lists are shorter). */
export const MAX_JSON_ARRAY_ITEMS = Math.max(
  MAP_LIMITS.people,
  MAP_LIMITS.teams,
  MAP_LIMITS.duties,
  MAP_LIMITS.slotsPerTeam,
  MAP_LIMITS.assignmentsPerTeam,
);
/** No object of any body has more than a few dozen fields; this leaves room for field errors to be reported. */
export const MAX_JSON_OBJECT_MEMBERS = 1_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

type TBudget = { maxDepth: number; maxArrayItems: number; maxObjectMembers: number };

/**
 * Follows the shape of JSON text as it arrives, chunk by chunk, and refuses it (400) as soon as it nests deeper, or
 * holds a longer list or a larger object, than any body Remit reads: before the rest is read and before JSON.parse
 * builds millions of values. Only brackets and commas outside strings are followed; whether the text is JSON at all
 * is for JSON.parse to say.
 */
export class JsonBudget {
  /** The commas seen so far in each open array or object, innermost last; a container holds commas + 1 members. */
  private readonly commas: number[] = [];
  private readonly isArray: boolean[] = [];
  private isInString = false;
  private isEscaped = false;
  private readonly budget: TBudget;

  constructor(budget: Partial<TBudget> = {}) {
    this.budget = {
      maxDepth: MAX_JSON_DEPTH,
      maxArrayItems: MAX_JSON_ARRAY_ITEMS,
      maxObjectMembers: MAX_JSON_OBJECT_MEMBERS,
      ...budget,
    };
  }

  push(text: string): void {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.isInString) {
        if (this.isEscaped) this.isEscaped = false;
        else if (code === BACKSLASH) this.isEscaped = true;
        else if (code === QUOTE) this.isInString = false;
      } else if (code === QUOTE) {
        this.isInString = true;
      } else if (code === COMMA) {
        this.countMember();
      } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
        this.open(code === OPEN_ARRAY);
      } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        this.commas.pop();
        this.isArray.pop();
      }
    }
  }

  private open(isArray: boolean): void {
    if (this.commas.length >= this.budget.maxDepth) {
      throw new AppError(
        "invalid_input",
        `The request body nests more than ${this.budget.maxDepth} levels deep; no request needs that many.`,
      );
    }
    this.commas.push(0);
    this.isArray.push(isArray);
  }

  private countMember(): void {
    const depth = this.commas.length - 1;
    if (depth < 0) return;
    const members = ++this.commas[depth]! + 1;
    if (this.isArray[depth] && members > this.budget.maxArrayItems) {
      throw new AppError(
        "invalid_input",
        `A list in the request body has more than ${this.budget.maxArrayItems.toLocaleString("en")} items; no request needs that many.`,
      );
    }
    if (!this.isArray[depth] && members > this.budget.maxObjectMembers) {
      throw new AppError(
        "invalid_input",
        `An object in the request body has more than ${this.budget.maxObjectMembers.toLocaleString("en")} fields; no request needs that many.`,
      );
    }
  }
}
