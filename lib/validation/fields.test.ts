import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { TFieldErrors } from "@/lib/errors";
import { addFieldError, fieldErrors, MAX_FIELD_ERROR_LENGTH, MAX_FIELD_ERRORS } from "./fields";

describe("fieldErrors", () => {
  it("keeps fields named like Object.prototype's properties as fields", () => {
    const parsed = z.record(z.string(), z.string()).safeParse({ constructor: 1, toString: 2 });
    expect(fieldErrors(parsed.error!)).toEqual({
      constructor: ["Invalid input: expected string, received number"],
      toString: ["Invalid input: expected string, received number"],
    });
  });

  it("lists at most MAX_FIELD_ERRORS problems, each field name and message cut short", () => {
    const parsed = z.array(z.string()).safeParse(Array.from({ length: 10_000 }, () => 1));
    const fields = fieldErrors(parsed.error!);
    expect(Object.values(fields).flat()).toHaveLength(MAX_FIELD_ERRORS);
    const longKey = z.record(z.string(), z.string()).safeParse({ ["k".repeat(5_000)]: 1 });
    expect(Object.keys(fieldErrors(longKey.error!))).toEqual([`${"k".repeat(MAX_FIELD_ERROR_LENGTH - 1)}…`]);
    // zod names every unknown key in one message.
    const unknownKeys = z.strictObject({}).safeParse({ ["k".repeat(5_000)]: 1, ["j".repeat(5_000)]: 2 });
    const [message] = fieldErrors(unknownKeys.error!)[""]!;
    expect(message!.length).toBe(MAX_FIELD_ERROR_LENGTH);
    expect(message).toMatch(/^Unrecognized keys: .*…$/);
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
