import { describe, expect, it } from "vitest";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { MAP_LIMITS } from "@/lib/validation/map";
import { JsonBudget, MAX_JSON_ARRAY_ITEMS } from "./json-budget";

/** Feeds `text` to a budget in chunks of `size` characters; the error it throws, if any. */
function check(text: string, budget = new JsonBudget(), size = 7): Error | undefined {
  try {
    for (let start = 0; start < text.length; start += size) budget.push(text.slice(start, start + size));
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe("JsonBudget", () => {
  it("accepts a body at the limits, however it is cut into chunks", () => {
    const list = `[${Array.from({ length: MAX_JSON_ARRAY_ITEMS }, () => "{}").join(",")}]`;
    expect(check(`{"people":${list}}`, new JsonBudget(), 1)).toBeUndefined();
    expect(check(`{"people":${list}}`, new JsonBudget(), 4096)).toBeUndefined();
    expect(check("[".repeat(32) + "]".repeat(32))).toBeUndefined();
  });

  it("lets through a map of as many teams as MAP_LIMITS allows", { timeout: 60_000 }, () => {
    const text = JSON.stringify(mapToDocument(generateMap({ teams: MAP_LIMITS.teams, seed: 7 })));
    expect(check(text, new JsonBudget(), 65_536)).toBeUndefined();
  });

  it("refuses a list one item too long, with a message saying why", () => {
    const budget = new JsonBudget({ maxArrayItems: 3 });
    expect(check("[1,2,3]", budget)).toBeUndefined();
    expect(check("[1,2,3,4]", new JsonBudget({ maxArrayItems: 3 }))?.message).toBe(
      "A list in the request body has more than 3 items; no request needs that many.",
    );
  });

  it("counts each container's own members: nested lists and objects do not add to their parent", () => {
    const budget = new JsonBudget({ maxArrayItems: 2, maxObjectMembers: 2 });
    expect(check('[{"a":[1,2],"b":{"c":1,"d":2}},{"e":[3,4]}]', budget)).toBeUndefined();
    expect(check("[[1,2],[3,4,5]]", new JsonBudget({ maxArrayItems: 2 }))?.message).toMatch(/more than 2 items/);
  });

  it("refuses an object with too many fields", () => {
    const error = check('{"a":1,"b":2,"c":3}', new JsonBudget({ maxObjectMembers: 2 }));
    expect(error?.message).toBe("An object in the request body has more than 2 fields; no request needs that many.");
  });

  it("does not count commas or brackets inside strings, escaped quotes included", () => {
    const budget = new JsonBudget({ maxArrayItems: 2, maxDepth: 2 });
    expect(check('["a,b,c,[[[", "\\",\\"[{,,,"]', budget)).toBeUndefined();
  });

  it("refuses nesting deeper than the budget", () => {
    expect(check("[[[]]]", new JsonBudget({ maxDepth: 2 }))?.message).toBe(
      "The request body nests more than 2 levels deep; no request needs that many.",
    );
  });
});
