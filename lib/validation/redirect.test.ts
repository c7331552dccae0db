import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/acme?tab=people")).toBe("/acme?tab=people");
  });

  it.each([["https://evil.example"], ["//evil.example"], ["/\\evil.example"], ["/\tevil"], [""], [undefined], [42]])(
    "refuses %j",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/");
    },
  );
});
