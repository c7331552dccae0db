// The benchmark's account and organisations: one owner, one organisation per size, each with a Manager API token,
// and each organisation's generated map loaded through the import path (PUT /api/v1/orgs/{slug}/map).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TRemitMap } from "@/lib/domain/model";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createUser } from "@/prisma/factories";
import { callApi, type TApi } from "./api";

/** Every size is generated from this seed, so runs compare like with like. */
export const BENCH_SEED = 7;

export type TBenchUser = { id: string; email: string; name: string; password: string };

export type TBenchOrganisation = {
  teams: number;
  slug: string;
  api: TApi;
  counts: { people: number; slots: number; duties: number; assignments: number };
  documentBytes: number;
  importSeconds: number;
};

export type TMapState = { map: TRemitMap; loadedAt: number };

/**
 * Creates the owner and an empty organisation per size in-process (as prisma/seed.ts does), with an API token each.
 * Run after DATABASE_URL names the benchmark's database.
 */
export async function createOwnerAndOrganisations(sizes: readonly number[]) {
  const password = `bench-${randomBytes(12).toString("hex")}`;
  const created = await createUser(db, { name: "Bench Owner", password });
  const user: TBenchUser = { ...created, password };
  const actor = { kind: "user", userId: user.id, email: user.email, name: user.name } as const;
  const organisations = [];
  for (const teams of sizes) {
    const organization = await createOrganization({ actor, name: `Bench ${teams} teams`, slug: `bench-${teams}` });
    const token = await createApiToken({ actor, orgSlug: organization.slug, name: "bench", role: "MANAGER" });
    organisations.push({ teams, slug: organization.slug, token: token.secret });
  }
  await db.$disconnect();
  return { user, organisations };
}

/** Generates the organisation's map and imports it over HTTP, as a script using the API would. */
export async function importGeneratedMap({
  baseUrl,
  teams,
  slug,
  token,
}: {
  baseUrl: string;
  teams: number;
  slug: string;
  token: string;
}): Promise<TBenchOrganisation> {
  const map = generateMap({ teams, seed: BENCH_SEED });
  const body = JSON.stringify(mapToDocument(map));
  const api = { baseUrl, token };
  const started = performance.now();
  await callApi(api, "PUT", `/api/v1/orgs/${slug}/map`, body);
  const importSeconds = (performance.now() - started) / 1000;
  return {
    teams,
    slug,
    api,
    counts: {
      people: map.people.length,
      slots: map.slots.length,
      duties: map.duties.length,
      assignments: map.assignments.length,
    },
    documentBytes: Buffer.byteLength(body),
    importSeconds: Math.round(importSeconds * 100) / 100,
  };
}

/** The organisation's map as the server holds it, with its ids and versions. */
export function loadState(organisation: Pick<TBenchOrganisation, "api" | "slug">): Promise<TMapState> {
  return callApi<TMapState>(organisation.api, "GET", `/api/v1/orgs/${organisation.slug}/state`);
}
