import "server-only";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import { AppError, type TFieldErrors } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { openMapWrite } from "@/lib/server/kernel/map-write";
import { addFieldError, MAX_FIELD_ERRORS } from "@/lib/validation/fields";
import { formatPath, pastTerms, validateMapDocument } from "@/lib/validation/map";
import { NUL_MESSAGE, nulCharacterPaths } from "@/lib/validation/map-fields";
import { loadMapIn } from "@/lib/server/kernel/load-map";
import { readRules } from "@/lib/server/kernel/read-rules";
import { replaceMap, type TMapCounts } from "@/lib/server/kernel/replace-map";

/** Map documents are large: a 1,000-team map is about 5 MB of JSON. */

// A 1,000-team map takes a few seconds to store; the default of 5 s leaves no margin.
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Replaces the organisation's map (teams, people, slots, duties, assignments; not members or tokens) with a
 * remit.map/v1 document, and sets the rules it lists (see replaceMap). Everything is checked first, and every problem is reported at once as a field error keyed
 * by its JSON path (`teams[2].slots[0].holder`); then it is stored in one transaction, so nothing is ever half
 * imported.
 */
export async function importMap({
  actor,
  orgSlug,
  input,
  ifMatch,
  source,
}: {
  actor: TActor | null;
  orgSlug: string;
  /** The parsed JSON body, not yet checked. */
  input: unknown;
  /**
   * What the document was read from, when not JSON: a workbook's problems are named by the cell they were read from
   * (`'Slots'!E14`), as its user looks for them; a problem about no one cell keeps its JSON path.
   */
  source?: { name: string; locate: (path: string) => string | null };
  /**
   * The fingerprint of the map the caller last saw (GET map's ETag, or `documentFingerprint` of it): when the map
   * has changed since, nothing is imported (412), so that an import never silently replaces edits nobody reviewed.
   */
  ifMatch?: string;
}): Promise<TMapCounts> {
  const writer = await openMapWrite({ actor, orgSlug });
  const result = validateMapDocument(input);
  const nulPaths = nulCharacterPaths(input);
  const errors = [
    ...(result.ok ? pastTerms(result.document, Date.now()) : result.errors),
    // Formatted only as many as an answer lists: a body of millions of "\u0000" strings is refused in a few kB.
    ...nulPaths.slice(0, MAX_FIELD_ERRORS).map((path) => ({ path: formatPath(path), message: NUL_MESSAGE })),
  ];
  if (!result.ok || errors.length > 0) {
    const fields: TFieldErrors = {};
    for (const error of errors) {
      if (!addFieldError(fields, source?.locate(error.path) ?? error.path, error.message)) break;
    }
    const total = errors.length - Math.min(nulPaths.length, MAX_FIELD_ERRORS) + nulPaths.length;
    const count = total === 1 ? "1 problem" : `${total} problems`;
    const listed = total > MAX_FIELD_ERRORS ? `The first ${MAX_FIELD_ERRORS} are listed` : "Each is listed";
    throw new AppError(
      "invalid_input",
      source
        ? `The ${source.name} has ${count}; nothing was imported. ${listed} in "fields" under its cell.`
        : `The map has ${count}; nothing was imported. ${listed} in "fields" under its JSON path.`,
      fields,
    );
  }
  return writer.write(
    // Locked before it is read: another import or publish waits, so the map checked is the map replaced.
    {
      action: "map.import",
      entity: "map",
      lock: "update",
      transaction: { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
    },
    async ({ tx, organizationId }) => {
      const current = await loadMapIn(tx, organizationId);
      if (ifMatch !== undefined) {
        if (documentFingerprint(mapToDocument(current, await readRules(tx, organizationId))) !== ifMatch) {
          throw new AppError(
            "precondition_failed",
            "The map has changed since you looked at it, so nothing was imported. Check what would change now, " +
              "then import again.",
          );
        }
      }
      return replaceMap(tx, { organizationId, document: result.document, current });
    },
  );
}
