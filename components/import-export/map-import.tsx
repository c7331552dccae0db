"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useMapImport } from "@/lib/client/map-import";
import { useOrgMap } from "@/lib/client/queries";
import { describeMapCounts, type TMapCounts } from "@/lib/domain/map-counts";
import { diffMapDocuments } from "@/lib/domain/map-diff";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import { readMapFile } from "@/lib/validation/read-map-file";
import { MAP_IMPORT_BODY_LIMIT_BYTES, type TMapValidationError } from "@/lib/validation/map";
import { MapImportPreview } from "./map-import-preview";
import { MapSourceInputs, type TMapSource } from "./map-source-inputs";

/** As the server's limit for an import body. */

/**
 * Replaces the map with a remit.map/v1 file, chosen or pasted. Nothing is sent until the person has seen what would
 * change and pressed "Replace the map"; a file with problems lists each one with its JSON path and cannot be applied.
 */
export function MapImport({
  orgId,
  orgSlug,
  organizationName,
}: {
  orgId: string;
  orgSlug: string;
  organizationName: string;
}) {
  const toast = useToast();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<TMapSource | null>(null);
  const [isReading, setIsReading] = useState(false);
  const [serverErrors, setServerErrors] = useState<TMapValidationError[] | null>(null);
  const [replaced, setReplaced] = useState<TMapCounts | null>(null);
  // Counts replacements: the inputs start empty again after each.
  const [replacements, setReplacements] = useState(0);

  // The Replace button goes away with the preview; focus moves to the result instead of getting lost.
  const resultRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (replaced) resultRef.current?.focus();
  }, [replaced]);

  const check = useMemo(() => (source ? readMapFile(source.text) : null), [source]);
  // The current map, with the rules a file that lists rules changes, loaded once there is a file to compare.
  const { map, rules, isError } = useOrgMap({ orgId, orgSlug, enabled: source !== null });
  // Recomputed when the map changes under the preview (someone else edits it), so the preview stays true.
  const current = useMemo(() => (map && rules ? mapToDocument(map, rules) : null), [map, rules]);
  const diff = useMemo(
    () => (check?.ok && current ? diffMapDocuments(current, check.document) : null),
    [check, current],
  );
  const errors = serverErrors ?? (check && !check.ok ? check.errors : null);

  const replace = useMapImport({ orgId, orgSlug });
  const replaceMap = (document: unknown, compared: NonNullable<typeof current>) =>
    replace.mutate(
      { document, fingerprint: documentFingerprint(compared) },
      {
        onSuccess: ({ imported }) => {
          toast.show(`Replaced the map: ${describeMapCounts(imported)}.`, "success");
          setReplaced(imported);
          setSource(null);
          setReplacements((count) => count + 1);
          if (fileInputRef.current) fileInputRef.current.value = "";
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status !== 412 && error.fields) {
            setServerErrors(
              Object.entries(error.fields).flatMap(([path, messages]) =>
                messages.map((message) => ({ path, message })),
              ),
            );
          }
          toast.show(errorMessage(error, "The map was not replaced."), "error");
        },
      },
    );

  const load = (next: TMapSource) => {
    setServerErrors(null);
    setReplaced(null);
    setSource(next);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAP_IMPORT_BODY_LIMIT_BYTES) {
      load({ name: file.name, text: "" });
      setServerErrors([
        {
          path: "",
          message: `${file.name} is larger than ${MAP_IMPORT_BODY_LIMIT_BYTES / 1_000_000} MB, the most Remit imports at once. Split the map.`,
        },
      ]);
      return;
    }
    setIsReading(true);
    try {
      load({ name: file.name, text: await file.text() });
    } catch {
      toast.show(`${file.name} could not be read. Choose the file again.`, "error");
    } finally {
      setIsReading(false);
    }
  };

  return (
    <div className="space-y-6">
      <MapSourceInputs
        key={replacements}
        fileInputRef={fileInputRef}
        onFile={(file) => void readFile(file)}
        onPaste={load}
      />

      {isReading && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Reading the file…
        </p>
      )}

      {replaced && (
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        >
          The map was replaced: {describeMapCounts(replaced)}.{" "}
          <Link href={`/${orgSlug}`} className="font-medium underline">
            Open the overview
          </Link>
        </p>
      )}

      {source && (
        <MapImportPreview
          sourceName={source.name}
          organizationName={organizationName}
          errors={errors}
          diff={diff}
          comparing={check?.ok && !current ? (isError ? "failed" : "loading") : null}
          canReplace={Boolean(check?.ok) && errors === null && current !== null}
          isReplacing={replace.isPending}
          onReplace={() => check?.ok && current && replaceMap(check.input, current)}
          onDiscard={() => {
            setSource(null);
            setServerErrors(null);
            if (fileInputRef.current) fileInputRef.current.value = "";
          }}
        />
      )}
    </div>
  );
}
