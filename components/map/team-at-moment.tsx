"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/client/api-error";
import { useTeamMutations } from "@/lib/client/teams";
import { analyzeMap } from "@/lib/domain/analyze-map";
import { compareNames, type TRemitMap } from "@/lib/domain/model";
import { resolveStoredRules, type TStoredRuleSetting } from "@/lib/domain/rules";
import { teamView } from "@/lib/domain/team-view";
import { TeamMatrix } from "./team-matrix";
import { TeamHealth } from "./team-workspace";
import { teamPagePath } from "@/lib/domain/page-paths";

const NO_PEERS = new Map<string, { name: string; color: string }>();
const ignore = () => undefined;

/**
 * A team as it was at a past moment (rebuilt from the journal, with a way to restore it) or as it is planned to be
 * at a future one: read-only.
 */
export function TeamAtMoment({
  orgId,
  orgSlug,
  teamId,
  at,
  map,
  rules,
  canRestore,
}: {
  orgId: string;
  orgSlug: string;
  teamId: string;
  at: string;
  map: TRemitMap;
  /** The rules the map is judged by: today's for a past map, as the overview at a moment is; a plan's own. */
  rules: readonly TStoredRuleSetting[];
  /** Only a past moment can be restored, by a Manager. */
  canRestore: boolean;
}) {
  const view = useMemo(() => teamView(map, teamId), [map, teamId]);
  const analysis = useMemo(
    () => analyzeMap(map, resolveStoredRules(rules)).teams.find((entry) => entry.team.id === teamId),
    [map, rules, teamId],
  );
  const people = useMemo(() => [...map.people].sort(compareNames), [map]);
  const router = useRouter();
  const toast = useToast();
  const { restore } = useTeamMutations({ orgId, orgSlug });
  if (!view) return <p role="status">This team did not exist at that moment.</p>;

  const restoreTeam = () =>
    restore.mutate(
      { teamId, at },
      {
        onSuccess: ({ group }) => {
          toast.show(
            group
              ? "Restored the team to that moment. Ctrl+Z or History undoes it."
              : "The team was already like this.",
            "success",
          );
          // Restored, the team has the key it had then.
          router.push(teamPagePath(orgSlug, view.team));
        },
        onError: (error) => toast.show(errorMessage(error, "The restore failed."), "error"),
      },
    );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-4">
        {canRestore && (
          <Button onClick={restoreTeam} disabled={restore.isPending}>
            {restore.isPending ? "Restoring…" : "Restore this team to this moment"}
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
          slotActions={{ setHolder: ignore, setTerm: ignore, renameSlot: ignore, removeSlot: ignore }}
        />
      </div>
      <TeamHealth analysis={analysis} fixFor={() => null} />
    </div>
  );
}
