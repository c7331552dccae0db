import "server-only";
import { AppError } from "@/lib/errors";

/** No body Remit reads nests deeper than a handful of levels; a map document about six. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Follows the nesting of JSON text as it arrives, chunk by chunk, and refuses it (400) as soon as it nests deeper
 * than the budget: before the rest is read and before JSON.parse builds millions of empty arrays. Only the depth is
 * followed (brackets outside strings); whether the text is JSON at all is for JSON.parse to say.
 */
export class JsonDepthBudget {
  private depth = 0;
  private isInString = false;
  private isEscaped = false;

  constructor(private readonly maxDepth = MAX_JSON_DEPTH) {}

  push(text: string): void {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.isInString) {
        if (this.isEscaped) this.isEscaped = false;
        else if (code === BACKSLASH) this.isEscaped = true;
        else if (code === QUOTE) this.isInString = false;
      } else if (code === QUOTE) {
        this.isInString = true;
      } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
        if (++this.depth > this.maxDepth) {
          throw new AppError(
            "invalid_input",
            `The request body nests more than ${this.maxDepth} levels deep; no request needs that many.`,
          );
        }
      } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        this.depth--;
      }
    }
  }
}
