// For tests that check that a list covers every file of a kind (routes, server actions).
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file called `name` below `directory`, at any depth. */
export function* filesNamed(directory: string, name: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* filesNamed(full, name);
    else if (entry.name === name) yield full;
  }
}
