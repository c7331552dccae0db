import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://remit@localhost:5432/remit", AUTH_SECRET: "x".repeat(32) };

describe("parseEnv", () => {
  it("accepts a complete configuration and fills in defaults", () => {
    expect(parseEnv(valid)).toEqual({
      ...valid,
      DATABASE_POOL_MAX: 10,
      API_RATE_LIMIT_PER_MINUTE: 1200,
      TRUSTED_PROXIES: 1,
      REMIT_EMBEDDED_DATABASE: false,
      WEBHOOK_ALLOW_PRIVATE: false,
    });
  });

  it("allows webhooks to private addresses only when WEBHOOK_ALLOW_PRIVATE is 1", () => {
    expect(parseEnv({ ...valid, WEBHOOK_ALLOW_PRIVATE: "1" }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(parseEnv({ ...valid, WEBHOOK_ALLOW_PRIVATE: "true" }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
  });

  it("reads REMIT_EMBEDDED_DATABASE as on only when it is 1", () => {
    expect(parseEnv({ ...valid, REMIT_EMBEDDED_DATABASE: "1" }).REMIT_EMBEDDED_DATABASE).toBe(true);
    expect(parseEnv({ ...valid, REMIT_EMBEDDED_DATABASE: "0" }).REMIT_EMBEDDED_DATABASE).toBe(false);
  });

  it("takes an smtp:// or smtps:// SMTP_URL, and reads an empty one as unset", () => {
    expect(parseEnv({ ...valid, SMTP_URL: "smtp://u:p@mail.example.test:587" }).SMTP_URL).toBe(
      "smtp://u:p@mail.example.test:587",
    );
    expect(parseEnv({ ...valid, SMTP_URL: "", SMTP_FROM: "" })).not.toHaveProperty("SMTP_URL", expect.anything());
    expect(() => parseEnv({ ...valid, SMTP_URL: "mail.example.test" })).toThrow(/SMTP_URL must be an smtp:\/\//);
    expect(() => parseEnv({ ...valid, SMTP_URL: "https://mail.example.test" })).toThrow(/SMTP_URL/);
  });

  it("names every missing variable and how to set it", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set[\s\S]*AUTH_SECRET is not set/);
  });

  it("explains values that are present but wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" })).toThrow(
      /must be a PostgreSQL URL[\s\S]*at least 32 characters/,
    );
    expect(() => parseEnv({ ...valid, DATABASE_POOL_MAX: "zero" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ ...valid, API_RATE_LIMIT_PER_MINUTE: "-1" })).toThrow(
      /API_RATE_LIMIT_PER_MINUTE must be 0/,
    );
    expect(parseEnv({ ...valid, API_RATE_LIMIT_PER_MINUTE: "0" }).API_RATE_LIMIT_PER_MINUTE).toBe(0);
  });

  it("takes an OpenID issuer over https, or over http on this machine only", () => {
    for (const issuer of ["https://sso.example.com/realms/acme", "http://127.0.0.1:4300", "http://localhost:8080"]) {
      expect(parseEnv({ ...valid, AUTH_OIDC_ISSUER: issuer }).AUTH_OIDC_ISSUER, issuer).toBe(issuer);
    }
    for (const issuer of ["http://sso.example.com", "sso.example.com", "ftp://127.0.0.1"]) {
      expect(() => parseEnv({ ...valid, AUTH_OIDC_ISSUER: issuer }), issuer).toThrow(/AUTH_OIDC_ISSUER must be/);
    }
  });
});
