import "server-only";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { exportMap } from "./export-map";
import { importMap } from "./import-map";
import { readMapCsv } from "./read-map-csv";
import { readMapWorkbook } from "./read-map-workbook";
import { XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";

/** `GET map` (live or a draft's): the document, with its fingerprint as the ETag. */
export async function mapDocumentReply({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }) {
  const { document, fingerprint } = await exportMap({ actor, orgSlug });
  return { status: 200 as const, body: document, headers: { ETag: `"${fingerprint}"` } };
}

/** `PUT map` (live or a draft's): imports the body, honouring If-Match. */
export async function importMapReply({
  request,
  actor,
  orgSlug,
  readBody,
  readBytes,
}: {
  request: Request;
  actor: TActor | null;
  orgSlug: () => Promise<string>;
  readBody: () => Promise<unknown>;
  readBytes: () => Promise<Uint8Array>;
}) {
  // The organisation (or draft) is found before a large body is read; the caller is signed in (the contract asks).
  const slug = await orgSlug();
  // importMap checks the document itself, so that every problem is reported with its JSON path; a workbook is
  // first turned into the document it holds, every unreadable cell reported by its address, and the document's
  // problems by the cells they were read from.
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  let ifMatch = readIfMatch(request);
  let input: unknown;
  let source: Awaited<ReturnType<typeof readMapWorkbook>>["source"] | undefined;
  if (type.startsWith(XLSX_TYPE)) ({ document: input, source } = await readMapWorkbook(await readBytes()));
  else if (type.startsWith("text/csv")) {
    // The CSV changes the map as it is: when that map changes before the import, nothing is imported (412).
    const { document, fingerprint } = await exportMap({ actor, orgSlug: slug });
    input = await readMapCsv(await readBytes(), document);
    ifMatch ??= fingerprint;
  } else input = await readBody();
  return {
    status: 200 as const,
    body: { imported: await importMap({ actor, orgSlug: slug, input, ifMatch, source }) },
  };
}

/** The fingerprint in an If-Match header (`"abc…"` or `W/"abc…"`); undefined without one, 400 for a list or `*`. */
function readIfMatch(request: Request): string | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"([0-9a-f]{16})"\s*$/.exec(header);
  if (!match) {
    throw new AppError(
      "invalid_input",
      'If-Match must be one ETag from GET map, like "0123456789abcdef" (with the quotes).',
    );
  }
  return match[1];
}
