"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { mapQueryKey } from "@/components/map/use-org-map";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/api-client";
import { countNoun } from "@/lib/domain/count-noun";
import { diffMapDocuments } from "@/lib/domain/map-diff";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import type { TRemitMap } from "@/lib/domain/model";
import { readMapFile } from "@/lib/validation/read-map-file";
import type { TMapValidationError } from "@/lib/validation/map";
import { MapDiffView } from "./map-diff-view";

/** As the server's limit for an import body. */
const MAX_FILE_BYTES = 20_000_000;

type TSource = { name: string; text: string };
type TImported = { duties: number; people: number; teams: number; slots: number; assignments: number };

/**
 * Replaces the map with a remit.map/v1 file, chosen or pasted. Nothing is sent until the person has seen what would
 * change and pressed "Replace the map"; a file with problems lists each one with its JSON path and cannot be applied.
 */
export function MapImport({
  orgId,
  orgSlug,
  organizationName,
  map,
}: {
  orgId: string;
  orgSlug: string;
  organizationName: string;
  map: TRemitMap;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<TSource | null>(null);
  const [pasted, setPasted] = useState("");
  const [isReading, setIsReading] = useState(false);
  const [serverErrors, setServerErrors] = useState<TMapValidationError[] | null>(null);
  const [replaced, setReplaced] = useState<TImported | null>(null);
  const ids = { file: useId(), paste: useId(), preview: useId() };

  // The Replace button goes away with the preview; focus moves to the result instead of getting lost.
  const resultRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (replaced) resultRef.current?.focus();
  }, [replaced]);

  const check = useMemo(() => (source ? readMapFile(source.text) : null), [source]);
  // Recomputed when the map changes under the preview (someone else edits it), so the preview stays true.
  const current = useMemo(() => mapToDocument(map), [map]);
  const diff = useMemo(() => (check?.ok ? diffMapDocuments(current, check.document) : null), [check, current]);
  const errors = serverErrors ?? (check && !check.ok ? check.errors : null);

  const replace = useMutation({
    // If-Match: the server refuses (412) when the map changed after the preview was drawn from it.
    mutationFn: (input: unknown) =>
      apiFetch<{ imported: TImported }>(`/api/v1/orgs/${orgSlug}/map`, {
        method: "PUT",
        body: input,
        headers: { "If-Match": `"${documentFingerprint(current)}"` },
      }),
    onSuccess: async ({ imported }) => {
      await queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
      toast.show(`Replaced the map: ${summary(imported)}.`, "success");
      setReplaced(imported);
      setSource(null);
      setPasted("");
      if (fileInputRef.current) fileInputRef.current.value = "";
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        // Someone changed the map after the preview was drawn: fetch it, so the preview shows what would change now.
        void queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
        toast.show(error.message, "error");
        return;
      }
      if (error instanceof ApiError && error.fields) {
        setServerErrors(
          Object.entries(error.fields).flatMap(([path, messages]) => messages.map((message) => ({ path, message }))),
        );
      }
      toast.show(error instanceof Error ? error.message : "The map was not replaced.", "error");
    },
  });

  const load = (next: TSource) => {
    setServerErrors(null);
    setReplaced(null);
    setSource(next);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      load({ name: file.name, text: "" });
      setServerErrors([
        { path: "", message: `${file.name} is larger than 20 MB, the most Remit imports at once. Split the map.` },
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
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <label htmlFor={ids.file} className="block text-sm font-medium">
            Map file (remit.map/v1 JSON)
          </label>
          <input
            ref={fileInputRef}
            id={ids.file}
            type="file"
            accept="application/json,.json"
            onChange={(event) => void readFile(event.target.files?.[0])}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-white hover:file:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          />
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Start from a JSON export of this map, change it in an editor, and choose it here.
          </p>
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (fileInputRef.current) fileInputRef.current.value = "";
            load({ name: "the pasted JSON", text: pasted });
          }}
        >
          <label htmlFor={ids.paste} className="block text-sm font-medium">
            Or paste the JSON
          </label>
          <textarea
            id={ids.paste}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={4}
            spellCheck={false}
            placeholder='{ "format": "remit.map/v1", "duties": [...], "people": [...], "teams": [...] }'
            className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-400"
          />
          <Button type="submit" variant="secondary" className="mt-2" disabled={!pasted.trim()}>
            Preview the pasted map
          </Button>
        </form>
      </div>

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
          The map was replaced: {summary(replaced)}.{" "}
          <Link href={`/${orgSlug}`} className="font-medium underline">
            Open the overview
          </Link>
        </p>
      )}

      {source && (
        <section
          aria-labelledby={ids.preview}
          className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h3 id={ids.preview} className="text-lg font-semibold">
            Preview of {source.name}
          </h3>
          {errors ? (
            <>
              <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
                {countNoun(errors.length, "problem")} in {source.name}; nothing can be imported until{" "}
                {errors.length === 1 ? "it is" : "they are"} fixed.
              </p>
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm" aria-label="Problems in the file">
                  <thead className="text-slate-600 dark:text-slate-400">
                    <tr className="border-b border-slate-200 dark:border-slate-800">
                      <th scope="col" className="py-1.5 pr-4 font-medium">
                        Where (JSON path)
                      </th>
                      <th scope="col" className="py-1.5 font-medium">
                        Problem
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((error, index) => (
                      <tr key={index} className="border-b border-slate-100 align-top dark:border-slate-900">
                        <td className="py-1.5 pr-4">
                          <code className="whitespace-nowrap rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
                            {error.path || "(the whole file)"}
                          </code>
                        </td>
                        <td className="py-1.5">{error.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            diff && (
              <>
                <p role="status" className="text-sm">
                  {source.name} is a valid map.{" "}
                  {diff.total === 0
                    ? "It matches the current map."
                    : `Compared with the current map, it makes ${countNoun(diff.total, "change")}:`}
                </p>
                <MapDiffView diff={diff} />
              </>
            )
          )}

          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
            <p className="font-semibold">Replacing the map cannot be undone.</p>
            <p className="mt-1">
              It deletes every team, person, duty, slot and assignment of {organizationName} and puts the file&apos;s in
              their place. Members and API tokens stay. Download a JSON export first if you may want the current map
              back.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button
              onClick={() => check?.ok && replace.mutate(check.input)}
              disabled={!check?.ok || errors !== null || replace.isPending}
              aria-describedby={errors ? `${ids.preview}-blocked` : undefined}
            >
              {replace.isPending ? "Replacing…" : "Replace the map"}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setSource(null);
                setServerErrors(null);
                if (fileInputRef.current) fileInputRef.current.value = "";
              }}
              disabled={replace.isPending}
            >
              Discard
            </Button>
            {errors && (
              <span id={`${ids.preview}-blocked`} className="text-sm text-slate-600 dark:text-slate-400">
                Fix the problems above and choose the file again.
              </span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function summary(counts: TImported): string {
  const parts = [
    countNoun(counts.teams, "team"),
    countNoun(counts.people, "person", "people"),
    countNoun(counts.duties, "duty", "duties"),
    countNoun(counts.slots, "slot"),
  ];
  return `${parts.join(", ")} and ${countNoun(counts.assignments, "assignment")}`;
}
