import { describe, expect, it } from "vitest";
import { contrastRatio, PEER_PALETTE, peerColor } from "./peer-color";

describe("peer colours", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    // The teal that failed axe in a team page's header (3.74:1).
    expect(contrastRatio("#0d9488", "#ffffff")).toBeCloseTo(3.74, 2);
  });

  it.each(PEER_PALETTE)("%s carries white initials at 4.5:1 or more", (colour) => {
    expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("gives a user the same colour every time, from the palette", () => {
    expect(peerColor("user-1")).toBe(peerColor("user-1"));
    expect(PEER_PALETTE).toContain(peerColor("user-2"));
  });
});
