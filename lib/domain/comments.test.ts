import { describe, expect, it } from "vitest";
import { commentRights, countOpenThreads, findMentions, linkPieces } from "./comments";

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

describe("linkPieces", () => {
  it("makes http and https addresses links, and leaves the rest as text", () => {
    expect(linkPieces("See https://example.com/a?b=1, or http://x.test.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ", or " },
      { kind: "link", text: "http://x.test", href: "http://x.test/" },
      { kind: "text", text: "." },
    ]);
  });

  it("never makes markup or other schemes anything but text", () => {
    const body = `<img src=x onerror=alert(1)> javascript:alert(1) <a href="https://evil.test">x</a> data:text/html,1`;
    const pieces = linkPieces(body);
    expect(pieces.map((piece) => piece.text).join("")).toBe(body);
    expect(pieces.filter((piece) => piece.kind === "link")).toEqual([
      { kind: "link", text: "https://evil.test", href: "https://evil.test/" },
    ]);
  });

  it("keeps text without addresses whole", () => {
    expect(linkPieces("no links here")).toEqual([{ kind: "text", text: "no links here" }]);
    expect(linkPieces("")).toEqual([]);
  });
});

describe("commentRights", () => {
  it("lets Managers and Owners write and moderate, Viewers write while allowed, tokens nothing", () => {
    expect(commentRights("MANAGER", false, true)).toEqual({
      mayWrite: true,
      mayModerate: true,
      isOffForViewers: false,
    });
    expect(commentRights("VIEWER", true, true)).toEqual({ mayWrite: true, mayModerate: false, isOffForViewers: false });
    expect(commentRights("VIEWER", false, true)).toEqual({
      mayWrite: false,
      mayModerate: false,
      isOffForViewers: true,
    });
    expect(commentRights("OWNER", true, false)).toEqual({
      mayWrite: false,
      mayModerate: false,
      isOffForViewers: false,
    });
  });
});

describe("countOpenThreads", () => {
  it("counts open threads per cell and in all, leaving resolved ones out", () => {
    const thread = (
      status: "open" | "resolved",
      kind: "team" | "cell",
      dutyId: string | null,
      slotId: string | null,
    ) => ({
      status,
      target: { kind, dutyId, slotId },
    });
    const { byCell, total } = countOpenThreads([
      thread("open", "cell", "d1", "s1"),
      thread("open", "cell", "d1", "s1"),
      thread("resolved", "cell", "d1", "s2"),
      thread("open", "team", null, null),
    ]);
    expect([...byCell]).toEqual([["d1:s1", 2]]);
    expect(total).toBe(3);
  });
});
