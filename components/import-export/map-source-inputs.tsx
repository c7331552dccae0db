"use client";

import { useId, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";

export type TMapSource = { name: string; text: string };

/** Where a map comes from: a chosen file, or JSON pasted in. */
export function MapSourceInputs({
  fileInputRef,
  onFile,
  onPaste,
}: {
  fileInputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
  onPaste: (source: TMapSource) => void;
}) {
  const [pasted, setPasted] = useState("");
  const ids = { file: useId(), paste: useId() };
  return (
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
          onChange={(event) => onFile(event.target.files?.[0])}
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
          onPaste({ name: "the pasted JSON", text: pasted });
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
  );
}
