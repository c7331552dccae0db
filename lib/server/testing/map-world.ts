// Helpers for the integration tests of the map's REST API: an organisation to work in, and a way to call its
// routes that also checks each answer against the OpenAPI document.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { TErrorBody } from "@/lib/errors";
import { documentedResponse } from "@/lib/server/testing/contracts";
import { createOrganization, createUser } from "@/prisma/factories";
import { callRoute, sessionCookie, type TCredentials } from "./http";

type THandler = Parameters<typeof callRoute>[0];

/**
 * An organisation (with the default duty catalogue) that an editor (a Manager) and a viewer belong to, and another
 * organisation, with its own Owner, to check that nothing crosses over.
 */
export async function createMapWorld() {
  const [editor, viewer, stranger] = await Promise.all(
    ["Edith Editor", "Victor Viewer", "Sam Stranger"].map((name) => createUser(db, { name })),
  );
  const org = await createOrganization(db, {
    name: "Map Org",
    members: [
      { userId: editor!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, {
    name: "Other Map Org",
    members: [{ userId: stranger!.id, role: "OWNER" }],
  });
  const as = {
    editor: { cookie: await sessionCookie(editor!) },
    viewer: { cookie: await sessionCookie(viewer!) },
    stranger: { cookie: await sessionCookie(stranger!) },
  };
  return { org, other, as };
}

export type TMapWorld = Awaited<ReturnType<typeof createMapWorld>>;

/**
 * Calls an /api/v1 route as Next.js would: `route` names its file (`PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]`),
 * `params` fill the brackets. The answer must be one the OpenAPI document lists for the route, in its shape.
 * `TBody` is the answer the test expects (an error body unless said otherwise).
 */
export async function callApi<TBody = TErrorBody>(
  route: string,
  {
    params = {},
    query,
    body,
    as = null,
    headers,
  }: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    as?: TCredentials;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; body: TBody; headers: Headers }> {
  const [method, file] = route.split(" ") as [string, string];
  const handler = await loadHandler(file, method);
  const filled = file.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  const response = await callRoute(handler, {
    method,
    path: `${filled}${search}`,
    params: file.includes("[") ? params : undefined,
    body,
    credentials: as,
    headers,
  });

  const documented = documentedResponse(method, file, response.status);
  expect(documented, `${route} answered ${response.status}, which the OpenAPI document does not list`).toBeDefined();
  if (documented?.schema) {
    const parsed = documented.schema.safeParse(response.body);
    expect(
      parsed.error?.issues ?? [],
      `${route} ${response.status}: the answer differs from the OpenAPI document`,
    ).toEqual([]);
  }
  // The schema check above is what makes the cast safe for answers the test expects.
  return response as { status: number; body: TBody; headers: Headers };
}

async function loadHandler(route: string, method: string): Promise<THandler> {
  const file = path.join(process.cwd(), "app", route, "route.ts");
  const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const handler = routeModule[method];
  if (typeof handler !== "function") throw new Error(`${route} has no ${method} handler.`);
  return handler as THandler;
}
