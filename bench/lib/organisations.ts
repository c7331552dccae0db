// The benchmark's account and organisations: one owner, one organisation per size, each with a Manager API token,
// and each organisation's generated map loaded through the import path (PUT /api/v1/orgs/{slug}/map).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { documentToWorkbook } from "@/lib/domain/map-workbook";
import type { TRemitMap } from "@/lib/domain/model";
import { writeWorkbook, XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";
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

/** The generated map's workbook as GET map.xlsx writes it (without its flags, which the import does not read). */
const workbooks = new Map<number, Uint8Array>();
async function generatedWorkbook(teams: number, map: TRemitMap): Promise<Uint8Array> {
  let bytes = workbooks.get(teams);
  if (!bytes) {
    bytes = await writeWorkbook(documentToWorkbook(mapToDocument(map)));
    workbooks.set(teams, bytes);
  }
  return bytes;
}

/**
 * Generates the organisation's map and imports it over HTTP, as a script using the API would: as the JSON
 * document, or as the workbook of GET map.xlsx (made before the clock starts).
 */
export async function importGeneratedMap({
  baseUrl,
  teams,
  slug,
  token,
  format = "json",
}: {
  baseUrl: string;
  teams: number;
  slug: string;
  token: string;
  format?: "json" | "xlsx";
}): Promise<TBenchOrganisation> {
  const map = generateMap({ teams, seed: BENCH_SEED });
  const body = format === "json" ? JSON.stringify(mapToDocument(map)) : await generatedWorkbook(teams, map);
  const api = { baseUrl, token };
  const started = performance.now();
  await callApi(api, "PUT", `/api/v1/orgs/${slug}/map`, body, format === "json" ? "application/json" : XLSX_TYPE);
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
    documentBytes: typeof body === "string" ? Buffer.byteLength(body) : body.byteLength,
    importSeconds: Math.round(importSeconds * 100) / 100,
  };
}

/** The organisation's map as the server holds it, with its ids and versions. */
export function loadState(organisation: Pick<TBenchOrganisation, "api" | "slug">): Promise<TMapState> {
  return callApi<TMapState>(organisation.api, "GET", `/api/v1/orgs/${organisation.slug}/state`);
}
