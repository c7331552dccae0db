import { z } from "zod";

const ISSUER_MESSAGE = "AUTH_OIDC_ISSUER must be an https:// URL (http:// only on localhost, 127.0.0.1 or [::1]).";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An OpenID provider is reached over https, except one on this machine (for development and tests). */
function isAcceptableIssuer(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

const ZEnv = z.object({
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. Use `npm start`, which provides the embedded database, or set it to a PostgreSQL URL such as postgresql://user:password@host:5432/remit.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a PostgreSQL URL starting with postgresql://"),
  AUTH_SECRET: z
    .string({
      error:
        "AUTH_SECRET is not set. Use `npm start`, which generates one, or set it to a random string of at least 32 characters (openssl rand -base64 32).",
    })
    .min(32, "AUTH_SECRET must be at least 32 characters long (openssl rand -base64 32)."),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Requests per API token per minute; 0 turns the limit off (e.g. for benchmarks).
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: "API_RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off)." })
    .int("API_RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off).")
    .min(0, "API_RATE_LIMIT_PER_MINUTE must be 0 or more.")
    .default(1200),
  // Reverse proxies in front of Remit that append to X-Forwarded-For (see lib/server/auth/rate-limit/client-address.ts).
  TRUSTED_PROXIES: z.coerce
    .number({ error: "TRUSTED_PROXIES must be a whole number of proxies, at least 1." })
    .int("TRUSTED_PROXIES must be a whole number of proxies, at least 1.")
    .min(1, "TRUSTED_PROXIES must be a whole number of proxies, at least 1.")
    .default(1),
  AUTH_OIDC_ISSUER: z.string().refine(isAcceptableIssuer, ISSUER_MESSAGE).optional(),
  // "1" lets webhooks reach private, loopback and link-local addresses (tests, on-premise installs).
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .optional()
    .transform((value) => value === "1"),
  // The SMTP server notifications are emailed through (smtp://user:password@host:587, smtps:// for TLS from the start);
  // unset, email is off and the inbox is the only way notifications arrive.
  // Empty counts as unset.
  SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .refine(
        (value) => URL.canParse(value) && ["smtp:", "smtps:"].includes(new URL(value).protocol),
        "SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587.",
      )
      .optional(),
  ),
  // The sender of notification emails, e.g. "Remit <remit@example.com>"; unset, remit@ and the host of AUTH_URL.
  SMTP_FROM: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(3, "SMTP_FROM must be an address such as Remit <remit@example.com>.").optional(),
  ),
  // "1" when the database is the embedded one (`npm start` sets it): it serves one process and cannot carry
  // LISTEN/NOTIFY between connections, so live events and rate-limit counters stay in this process.
  REMIT_EMBEDDED_DATABASE: z
    .string()
    .optional()
    .transform((value) => value === "1"),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Validates a set of environment variables. Throws, naming every variable to set or fix, when it is incomplete. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => {
        const name = issue.path.join(".");
        return `  - ${issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`}`;
      })
      .join("\n");
    throw new Error(`Remit cannot start: its configuration is incomplete.\n${problems}`);
  }
  return parsed.data;
}

let cached: TEnv | undefined;

/** The validated configuration of this process, checked once (at start-up, by instrumentation.ts). */
export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
