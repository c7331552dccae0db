import "server-only";
import { headers } from "next/headers";

/** The client's network address as the nearest proxy (or Next.js itself) reports it; "unknown" when absent. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

/** The address of the client whose request a server action or page is handling. */
export async function currentClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
