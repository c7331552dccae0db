"use client";

import { useMemo } from "react";
import { useOrgStructure, type TStructureState } from "@/lib/client/queries";
import type { TPackedStructure } from "@/lib/domain/structure-pack";
import { StructureView } from "./structure-view";

// The server renders the same structure, one string kept with the map's snapshot, for every request until the map
// changes: decoded once (and unpacked once, see StructureView) rather than for each page load. Keyed by the string
// itself, so a different structure is never mistaken for it; what it decodes to is shared and never changed.
let lastDecoded: { json: string; packed: TPackedStructure } | null = null;

function decodeStructure(json: string): TPackedStructure {
  if (lastDecoded?.json !== json) lastDecoded = { json, packed: JSON.parse(json) as TPackedStructure };
  return lastDecoded.packed;
}

/**
 * The organisation's structure view, following live changes: the server renders it, and the live provider has it
 * fetched again (laid out on the server, packed) after each change anyone makes.
 */
export function OrgStructure({
  orgId,
  orgSlug,
  at,
  packedJson,
  loadedAt,
  fileName,
  title,
}: {
  orgId: string;
  orgSlug: string;
  at?: string;
  /** The packed structure as the server rendered it, as JSON: one string to decode rather than thousands of values. */
  packedJson: string;
  loadedAt: number;
  fileName: string;
  title: string;
}) {
  const initial = useMemo<TStructureState>(
    () => ({ structure: decodeStructure(packedJson), loadedAt }),
    [packedJson, loadedAt],
  );
  const { data } = useOrgStructure({ orgId, orgSlug, initial, at });
  return (
    <StructureView packed={(data ?? initial).structure} orgSlug={orgSlug} at={at} fileName={fileName} title={title} />
  );
}
