import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { TFieldErrors } from "@/lib/errors";
import { addFieldError, fieldErrors } from "./fields";

describe("fieldErrors", () => {
  it("keeps fields named like Object.prototype's properties as fields", () => {
    const parsed = z.record(z.string(), z.string()).safeParse({ constructor: 1, toString: 2 });
    expect(fieldErrors(parsed.error!)).toEqual({
      constructor: ["Invalid input: expected string, received number"],
      toString: ["Invalid input: expected string, received number"],
    });
  });
});

describe("addFieldError", () => {
  it("collects messages per field, a field called __proto__ included, in a plain object", () => {
    const fields: TFieldErrors = {};
    addFieldError(fields, "__proto__", "first");
    addFieldError(fields, "__proto__", "second");
    addFieldError(fields, "name", "third");
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(fields)) as unknown).toEqual(
      JSON.parse('{"__proto__": ["first", "second"], "name": ["third"]}'),
    );
    expect(Object.prototype).not.toHaveProperty("0");
  });
});
