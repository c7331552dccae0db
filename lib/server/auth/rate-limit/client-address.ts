import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The client's network address, for per-address rate limits. X-Forwarded-For lists the addresses each proxy saw,
 * each appended on the right, so only the entries the trusted proxies added can be believed: the client can write
 * anything to the left of them. With `trustedProxies` proxies in front (TRUSTED_PROXIES, default 1: a load balancer,
 * or Next.js itself, which fills the header in when the request has none), the client is the entry that many places
 * from the right. "unknown" when there is no header.
 */
export function clientAddress(headers: Headers, trustedProxies = getEnv().TRUSTED_PROXIES): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - trustedProxies)] ?? "unknown";
}

/** The address of the client whose request a server action or page is handling. */
export async function currentClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
