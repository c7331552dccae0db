import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";

export type TOAuthProviderOption = { id: string; name: string };

type TEnvSource = Record<string, string | undefined>;

/**
 * The OAuth / OIDC providers whose variables are set: GitHub (AUTH_GITHUB_ID, AUTH_GITHUB_SECRET), Google
 * (AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET) and one OpenID Connect issuer for company SSO (AUTH_OIDC_ISSUER,
 * AUTH_OIDC_ID, AUTH_OIDC_SECRET, optional AUTH_OIDC_NAME). None set: email and password only.
 */
export function oauthProviders(env: TEnvSource = process.env): {
  providers: Provider[];
  options: TOAuthProviderOption[];
} {
  const providers: Provider[] = [];
  const options: TOAuthProviderOption[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
    options.push({ id: "github", name: "GitHub" });
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
    options.push({ id: "google", name: "Google" });
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    const name = env.AUTH_OIDC_NAME || "single sign-on";
    providers.push({
      id: "oidc",
      name,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      // Auth.js checks PKCE only by default; `state` also ties the provider's answer to the browser that asked.
      checks: ["pkce", "state"],
    });
    options.push({ id: "oidc", name });
  }
  return { providers, options };
}
