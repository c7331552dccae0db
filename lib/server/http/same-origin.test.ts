import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  it("trusts the browser's Sec-Fetch-Site, else compares Origin with the host the request was sent to", () => {
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "https://remit.example", host: "remit.example" }))).toBe(true);
    expect(
      isSameOrigin(
        new Headers({ origin: "https://remit.example", host: "10.0.0.5:3000", "x-forwarded-host": "remit.example" }),
      ),
    ).toBe(true);
  });

  it("refuses other sites, missing or unreadable origins", () => {
    expect(isSameOrigin(new Headers({ origin: "https://evil.example", host: "remit.example" }))).toBe(false);
    expect(
      isSameOrigin(
        new Headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example", host: "remit.example" }),
      ),
    ).toBe(false);
    expect(isSameOrigin(new Headers({ host: "remit.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "null", host: "remit.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "https://remit.example.evil.example", host: "remit.example" }))).toBe(
      false,
    );
  });
});
