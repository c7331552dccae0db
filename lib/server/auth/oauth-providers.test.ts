import { describe, expect, it } from "vitest";
import { oauthProviders } from "./oauth-providers";

describe("oauthProviders", () => {
  it("offers none when no provider is configured", () => {
    expect(oauthProviders({})).toEqual({ providers: [], options: [] });
  });

  it("switches each provider on only when all its variables are set", () => {
    const { options, providers } = oauthProviders({
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "secret",
      AUTH_GOOGLE_ID: "id-without-secret",
      AUTH_OIDC_ISSUER: "https://sso.example.com",
      AUTH_OIDC_ID: "remit",
      AUTH_OIDC_SECRET: "secret",
      AUTH_OIDC_NAME: "Example SSO",
    });
    expect(options).toEqual([
      { id: "github", name: "GitHub" },
      { id: "oidc", name: "Example SSO" },
    ]);
    expect(providers).toHaveLength(2);
  });
});
