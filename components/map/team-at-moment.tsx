"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { analyzeMap } from "@/lib/domain/analyze-map";
import type { TJournalGroupView } from "@/lib/domain/journal";
import { compareNames, type TRemitMap } from "@/lib/domain/model";
import { teamView } from "@/lib/domain/team-view";
import { TeamMatrix } from "./team-matrix";
import { TeamHealth } from "./team-workspace";

const NO_PEERS = new Map<string, { name: string; color: string }>();
const ignore = () => undefined;

/** A team as it was at a past moment: read-only, rebuilt from the journal, with a way to restore it. */
export function TeamAtMoment({
  orgSlug,
  teamId,
  at,
  map,
  canEdit,
}: {
  orgSlug: string;
  teamId: string;
  at: string;
  map: TRemitMap;
  canEdit: boolean;
}) {
  const view = useMemo(() => teamView(map, teamId), [map, teamId]);
  const analysis = useMemo(() => analyzeMap(map).teams.find((entry) => entry.team.id === teamId), [map, teamId]);
  const people = useMemo(() => [...map.people].sort(compareNames), [map]);
  const router = useRouter();
  const toast = useToast();
  const [isRestoring, setIsRestoring] = useState(false);
  if (!view) return <p role="status">This team did not exist at that moment.</p>;

  const restore = async () => {
    setIsRestoring(true);
    try {
      const { group } = await apiFetch<{ group: TJournalGroupView | null }>(
        `/api/v1/orgs/${orgSlug}/teams/${teamId}/restore`,
        { method: "POST", body: { at } },
      );
      toast.show(
        group ? "Restored the team to that moment. Ctrl+Z or History undoes it." : "The team was already like this.",
        "success",
      );
      router.push(`/${orgSlug}/teams/${teamId}`);
    } catch (error) {
      toast.show(error instanceof Error ? error.message : "The restore failed.", "error");
    } finally {
      setIsRestoring(false);
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-4">
        {canEdit && (
          <Button onClick={restore} disabled={isRestoring}>
            {isRestoring ? "Restoring…" : "Restore this team to this moment"}
          </Button>
        )}
        <TeamMatrix
          map={map}
          view={view}
          people={people}
          flags={analysis?.flags ?? []}
          canEdit={false}
          peerFocus={NO_PEERS}
          onFocusCell={ignore}
          onSetCell={ignore}
          slotActions={{ setHolder: ignore, renameSlot: ignore, removeSlot: ignore }}
        />
      </div>
      <TeamHealth analysis={analysis} fixFor={() => null} />
    </div>
  );
}
