import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withPublicOrigin } from "./public-origin-request";

describe("withPublicOrigin", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("addresses Auth.js's endpoint as the browser did, not as the server listens", () => {
    vi.stubEnv("AUTH_URL", "");
    const request = new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=c&state=s", {
      headers: { host: "remit.example:3000" },
    });
    expect(withPublicOrigin(request).url).toBe("http://remit.example:3000/api/auth/callback/oidc?code=c&state=s");
  });

  it("believes the proxy's forwarded host and protocol, and AUTH_URL over both", () => {
    vi.stubEnv("AUTH_URL", "");
    const headers = { host: "10.0.0.5:3000", "x-forwarded-host": "remit.example", "x-forwarded-proto": "https" };
    const request = new NextRequest("http://localhost:3000/api/auth/session", { headers });
    expect(withPublicOrigin(request).url).toBe("https://remit.example/api/auth/session");
    vi.stubEnv("AUTH_URL", "https://sso.remit.example");
    expect(withPublicOrigin(request).url).toBe("https://sso.remit.example/api/auth/session");
  });
});
