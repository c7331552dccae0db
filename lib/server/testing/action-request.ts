// Calls server actions as Next.js does: inside the request scope that next/headers (headers(), cookies()),
// redirect() and revalidatePath() read, built from a request by the factories Next.js itself uses for route
// handlers and server actions. Next.js has no public helper for this (next/experimental/testing/server covers
// middleware and config only), so these are its internal modules. Nothing of Next.js or Auth.js is replaced, and
// the cookies an action sets come back as a browser would keep them.
//
// Import this module before any other: Next.js's request scope lives in an AsyncLocalStorage that its server
// exposes as a global before loading anything (node-environment-baseline), and that next/headers captures when
// it first loads.
import "next/dist/server/node-environment-baseline.js";
import { createRequestStore } from "next/dist/server/async-storage/request-store.js";
import { createWorkStore } from "next/dist/server/async-storage/work-store.js";
import { actionAsyncStorage } from "next/dist/server/app-render/action-async-storage.external.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { getURLFromRedirectError } from "next/dist/client/components/redirect.js";
import { isRedirectError } from "next/dist/client/components/redirect-error.js";
import { getImplicitTags } from "next/dist/server/lib/implicit-tags.js";
import { signIn } from "@/lib/auth";
import { TEST_ORIGIN } from "./http";

// The work store's options that matter to a server action; the others concern rendering pages.
const WORK_STORE_OPTIONS = {
  cacheLifeProfiles: {},
  staticPageGenerationTimeout: 60,
  // Nothing is cached here: revalidatePath only needs a cache to exist, and records its tags on the work store.
  incrementalCache: {},
  cacheComponents: false,
  validationLevel: "none",
  experimental: { isRoutePPREnabled: false, authInterrupts: false },
  isDraftMode: false,
  assetPrefix: "",
} as unknown as Parameters<typeof createWorkStore>[0]["renderOpts"];

/**
 * A browser: its cookies for Remit (what it sends with each action, and what the actions' answers set), and its
 * network address. Each browser has an address of its own, so that the per-address rate limits (sign-in, sign-up,
 * invitations) counted for one test never refuse another's.
 */
export type TBrowser = { cookies: Map<string, string>; address: string };

export function newBrowser(): TBrowser {
  const byte = () => Math.floor(Math.random() * 256);
  return { cookies: new Map(), address: `198.18.${byte()}.${byte()}` };
}

/** The browser's Cookie header. */
export function cookieHeader(browser: TBrowser): string {
  return [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

export type TActionCall<T> = {
  /** What the action returned; undefined when it redirected. */
  result?: T;
  /** Where the action redirected to (Next.js's NEXT_REDIRECT), as the browser would follow it. */
  redirectedTo?: string;
  /** The pages whose cached render the action invalidated with revalidatePath, as Next.js's cache tags. */
  revalidated: string[];
};

/**
 * Runs `action` as the browser's request to the page at `path` would: with its cookies and the headers Next.js's
 * server adds (X-Forwarded-*), in a Next.js request scope in the action phase. Cookies the action sets or clears
 * land in the browser. Any error but a redirect is thrown: in production it would be a 500.
 */
export async function callAction<T>(
  browser: TBrowser,
  action: () => Promise<T>,
  { path = "/", headers = {} }: { path?: string; headers?: Record<string, string> } = {},
): Promise<TActionCall<T>> {
  const url = new URL(path, TEST_ORIGIN);
  const requestHeaders = new Headers({
    host: url.host,
    origin: url.origin,
    referer: url.href,
    accept: "text/x-component",
    "next-action": "test",
    "x-forwarded-host": url.host,
    "x-forwarded-proto": url.protocol.slice(0, -1),
    "x-forwarded-port": url.port || (url.protocol === "https:" ? "443" : "80"),
    "x-forwarded-for": browser.address,
    ...headers,
  });
  const cookie = cookieHeader(browser);
  if (cookie) requestHeaders.set("cookie", cookie);

  const requestStore = createRequestStore({
    // Next.js runs a server action's body in the action phase: cookies can be set, revalidatePath is allowed.
    phase: "action",
    headers: requestHeaders,
    onUpdateCookies: (setCookies) => keepCookies(browser, setCookies),
    url: { pathname: url.pathname, search: url.search },
    rootParams: {},
    implicitTags: await getImplicitTags(url.pathname, url.pathname, null),
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  const workStore = createWorkStore({
    page: url.pathname,
    renderOpts: WORK_STORE_OPTIONS,
    buildId: "test",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });

  const run = () =>
    actionAsyncStorage.run({ isAction: true }, () =>
      workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, action)),
    );
  const revalidated = () => (workStore.pendingRevalidatedTags ?? []).map(({ tag }) => tag);
  try {
    return { result: await run(), revalidated: revalidated() };
  } catch (error) {
    if (!isRedirectError(error)) throw error;
    return { redirectedTo: getURLFromRedirectError(error), revalidated: revalidated() };
  }
}

/** Applies an answer's Set-Cookie headers as a browser would: set, replace, or (expired or emptied) forget. */
function keepCookies(browser: TBrowser, setCookies: string[]) {
  for (const setCookie of setCookies) {
    const [pair = "", ...attributes] = setCookie.split(";").map((part) => part.trim());
    const separator = pair.indexOf("=");
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const attribute = (wanted: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${wanted}=`))?.slice(wanted.length + 1);
    const maxAge = attribute("max-age");
    const expires = attribute("expires");
    const isGone =
      value === "" ||
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && new Date(expires).getTime() <= Date.now());
    if (isGone) browser.cookies.delete(name);
    else browser.cookies.set(name, value);
  }
}

/**
 * A browser signed in as the user through Auth.js's own sign-in (the Credentials provider behind the sign-in form):
 * the session cookie is the one Auth.js issues, naming a server-side session it started.
 */
export async function signedInBrowser(
  user: { email: string },
  password = "correct horse battery staple",
): Promise<TBrowser> {
  const browser = newBrowser();
  const signingIn = () => signIn("credentials", { email: user.email, password, redirectTo: "/" });
  const { redirectedTo } = await callAction(browser, signingIn, { path: "/sign-in" });
  if (redirectedTo !== `${TEST_ORIGIN}/` || !browser.cookies.has("authjs.session-token")) {
    throw new Error(`Signing in as ${user.email} failed: redirected to ${redirectedTo}.`);
  }
  return browser;
}
