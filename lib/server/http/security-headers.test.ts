import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, isHttpsRequest, oauthFormOrigins } from "./security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive] as const));
}

describe("contentSecurityPolicy", () => {
  const policy = directives(
    contentSecurityPolicy({ nonce: "abc123", isDevelopment: false, isHttps: false, formOrigins: [] }),
  );

  it("runs scripts only with the nonce, never inline or evaluated", () => {
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  });

  it("forbids framing, plugins, foreign forms and base changes", () => {
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
  });

  it("lets forms reach the configured sign-in providers, and upgrades requests behind https", () => {
    const https = directives(
      contentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: true, formOrigins: ["https://github.com"] }),
    );
    expect(https.get("form-action")).toBe("form-action 'self' https://github.com");
    expect(https.has("upgrade-insecure-requests")).toBe(true);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only for the development server", () => {
    const development = contentSecurityPolicy({ nonce: "n", isDevelopment: true, isHttps: false, formOrigins: [] });
    expect(directives(development).get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("unsafe");
  });
});

describe("oauthFormOrigins", () => {
  it("lists the origins of the providers that are configured", () => {
    expect(oauthFormOrigins({})).toEqual([]);
    expect(
      oauthFormOrigins({ AUTH_GITHUB_ID: "x", AUTH_GOOGLE_ID: "y", AUTH_OIDC_ISSUER: "https://sso.example/realms/a" }),
    ).toEqual(["https://github.com", "https://accounts.google.com", "https://sso.example"]);
    expect(oauthFormOrigins({ AUTH_OIDC_ISSUER: "not a url" })).toEqual([]);
  });
});

describe("baseSecurityHeaders and isHttpsRequest", () => {
  it("sends HSTS only over https", () => {
    expect(baseSecurityHeaders({ isHttps: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(baseSecurityHeaders({ isHttps: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(baseSecurityHeaders({ isHttps: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("believes the proxy's x-forwarded-proto first, then AUTH_URL, then the URL", () => {
    const http = new URL("http://remit.test/");
    expect(isHttpsRequest(http, new Headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(isHttpsRequest(http, new Headers({ "x-forwarded-proto": "http" }), { AUTH_URL: "https://x" })).toBe(false);
    expect(isHttpsRequest(http, new Headers(), { AUTH_URL: "https://remit.example" })).toBe(true);
    expect(isHttpsRequest(new URL("https://remit.test/"), new Headers(), {})).toBe(true);
    expect(isHttpsRequest(http, new Headers(), {})).toBe(false);
  });
});
