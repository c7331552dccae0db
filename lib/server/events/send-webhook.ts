import "server-only";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { isPublicAddress } from "@/lib/domain/network-address";
import { getEnv } from "@/lib/env";

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of an answer the delivery log keeps. */
const EXCERPT_LENGTH = 500;

export type TAddressCheck = { ok: true; address: string; family: number } | { ok: false; reason: string };

/**
 * Where `url` may be sent to: the first address its host resolves to, when every address it resolves to is public
 * (or private ones are allowed: WEBHOOK_ALLOW_PRIVATE=1); otherwise why not. Checked when an endpoint is registered
 * and again at every delivery, whose connection then goes to the very address checked (a name that resolves
 * elsewhere the second time cannot reach a private address).
 */
export async function checkWebhookTarget(
  url: URL,
  allowPrivate: boolean = getEnv().WEBHOOK_ALLOW_PRIVATE,
): Promise<TAddressCheck> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    return { ok: false, reason: `${url.hostname} does not resolve to an address.` };
  }
  const first = addresses[0];
  if (!first) return { ok: false, reason: `${url.hostname} does not resolve to an address.` };
  const refused = addresses.find((entry) => !isPublicAddress(entry.address));
  if (refused && !allowPrivate) {
    return {
      ok: false,
      reason: `${url.hostname} is a private, loopback or link-local address (${refused.address}); webhooks go to public addresses only.`,
    };
  }
  return { ok: true, address: first.address, family: first.family };
}

export type TSendResult = { ok: boolean; status: number | null; excerpt: string; durationMs: number };

/**
 * POSTs `body` as JSON to `url`, signed as Standard Webhooks has it (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`: HMAC-SHA256 of "id.timestamp.body" with the endpoint's secret, by the `standardwebhooks`
 * package). Never throws: a refused address, a timeout or a network error is an answer without a status.
 */
export async function sendWebhook({
  url,
  secret,
  messageId,
  body,
}: {
  url: string;
  secret: string;
  messageId: string;
  body: unknown;
}): Promise<TSendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  const check = await checkWebhookTarget(target);
  if (!check.ok) return { ok: false, status: null, excerpt: check.reason, durationMs: elapsed() };
  const payload = JSON.stringify(body);
  const timestamp = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Remit-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, payload),
  };
  // The connection goes to the address checked above, whatever the name resolves to now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: check.address, family: check.family }]);
    else callback(null, check.address, check.family);
  };
  const client = target.protocol === "https:" ? https : http;
  return new Promise<TSendResult>((resolve) => {
    const request = client.request(
      target,
      { method: "POST", headers, lookup: pinned, timeout: WEBHOOK_TIMEOUT_MS },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < EXCERPT_LENGTH) text += chunk;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            excerpt: text.slice(0, EXCERPT_LENGTH),
            durationMs: elapsed(),
          });
        });
        response.on("error", (error) =>
          resolve({ ok: false, status: response.statusCode ?? null, excerpt: error.message, durationMs: elapsed() }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`)));
    request.on("error", (error) => resolve({ ok: false, status: null, excerpt: error.message, durationMs: elapsed() }));
    request.end(payload);
  });
}
