import { describe, expect, it } from "vitest";
import { findMentions } from "./comments";

const members = [
  { userId: "ann", email: "ann@example.test", name: "Ann" },
  { userId: "ann-lee", email: "lee@example.test", name: "Ann Lee" },
  { userId: "bo", email: "bo@example.test", name: "Bo Berg" },
];

describe("findMentions", () => {
  it("finds members by email and by full name, case-insensitively, each once", () => {
    expect(findMentions("@BO@EXAMPLE.TEST and @bo berg, see @Ann.", members)).toEqual(["bo", "ann"]);
  });

  it("takes the longest name that matches", () => {
    expect(findMentions("ask @ann lee first", members)).toEqual(["ann-lee"]);
  });

  it("needs the name to end where a word ends", () => {
    expect(findMentions("@Annabel and @Bo Bergman", members)).toEqual([]);
  });

  it("finds nothing without an @", () => {
    expect(findMentions("Ann Lee", members)).toEqual([]);
  });
});
