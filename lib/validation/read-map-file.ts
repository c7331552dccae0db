import type { TMapDocument } from "@/lib/domain/map-format";
import { formatPath, validateMapDocument, type TMapValidationError } from "./map";
import { NUL_MESSAGE, nulCharacterPaths } from "./map-fields";

export type TMapFileCheck =
  | {
      ok: true;
      /** The parsed JSON as it was written: what the import sends, for the server to check again. */
      input: unknown;
      /** The same, checked, with defaults filled in: what the preview compares with the current map. */
      document: TMapDocument;
    }
  | { ok: false; errors: TMapValidationError[] };

/**
 * Reads the text of a remit.map/v1 file and checks it as the import will: JSON syntax, the format, references
 * between entities, and text the database cannot store. Every problem comes with its JSON path ("" for the file).
 */
export function readMapFile(text: string): TMapFileCheck {
  if (text.trim() === "") {
    return { ok: false, errors: [{ path: "", message: "The file is empty. Choose a map exported from Remit." }] };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : "";
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: `This is not valid JSON${detail}. Check for a missing comma or quote, or export a fresh map from Remit.`,
        },
      ],
    };
  }
  const result = validateMapDocument(input);
  const stored = nulCharacterPaths(input).map((path) => ({ path: formatPath(path), message: NUL_MESSAGE }));
  if (!result.ok) return { ok: false, errors: [...result.errors, ...stored] };
  if (stored.length > 0) return { ok: false, errors: stored };
  return { ok: true, input, document: result.document };
}
