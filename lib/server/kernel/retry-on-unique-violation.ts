import "server-only";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "./prisma-errors";

// A lost attempt means another write committed the same key or email in between; the next attempt's checks see it
// and choose the next free key (or answer 409 for one asked for). Five covers a burst of same-named creates (a script
// adding "New team" five times at once) while still bounding a request's work.
const ATTEMPTS = 5;

/**
 * Runs a write that checks for free keys and emails before it inserts, again when a concurrent write took one of
 * them in between (the unique index refuses the second). The next attempt's checks then report the clash properly.
 */
export async function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new AppError("conflict", "Someone else made a conflicting change at the same moment. Try again.");
      }
    }
  }
}
