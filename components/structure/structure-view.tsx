"use client";

import "@xyflow/react/dist/style.css";
import {
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, memo, useContext, useEffect, useMemo, useState } from "react";
import { teamPagePath } from "@/lib/domain/page-paths";
import {
  healthBand,
  linkWidth,
  structureLayoutGraph,
  placeStructure,
  type THealthBand,
  type TStructure,
  type TStructurePerson,
  type TStructurePlacement,
  type TStructureTeam,
} from "@/lib/domain/structure";
import { flagSummary, LINK_COLOURS } from "@/lib/domain/structure-svg";
import { StructureExport } from "./structure-export";
import { StructureList } from "./structure-list";
import { StructureSearch } from "./structure-search";

type TTeamNode = Node<{ team: TStructureTeam }, "team">;
type TGroupNode = Node<{ label: string }, "area">;

type TViewContext = {
  orgSlug: string;
  at?: string;
  people: Map<string, TStructurePerson>;
  /** The person whose slots are lit (hovered, or found by search). */
  highlight: string | null;
  setHighlight: (personId: string | null) => void;
  /** The team the search flew to. */
  foundTeamId: string | null;
  /** The person whose page this is: lit unless another is. */
  pinnedPersonId: string | null;
};

const ViewContext = createContext<TViewContext | null>(null);

function useView(): TViewContext {
  const view = useContext(ViewContext);
  if (!view) throw new Error("A structure card is drawn inside StructureView.");
  return view;
}

const BAND_CLASSES: Record<THealthBand, string> = {
  good: "border-emerald-600 bg-emerald-50 dark:bg-emerald-950",
  fair: "border-amber-600 bg-amber-50 dark:bg-amber-950",
  poor: "border-red-600 bg-red-50 dark:bg-red-950",
};
export const BAND_LABELS: Record<THealthBand, string> = {
  good: "healthy (85 or more)",
  fair: "needs attention (60–84)",
  poor: "unhealthy (below 60)",
};

// Below this zoom a card shows only its name, large: its slots would be unreadable, and a thousand of them slow.
const FAR_ZOOM = 0.4;
// The links join the cards' centres; a card is drawn over them.
const CENTRE_HANDLE = { top: "50%", left: "50%", opacity: 0, pointerEvents: "none" } as const;

const TeamCard = memo(function TeamCard({ data: { team } }: NodeProps<TTeamNode>) {
  const view = useView();
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  const isLit = view.highlight !== null && team.slots.some((slot) => slot.holderId === view.highlight);
  const isFound = view.foundTeamId === team.id;
  const holder = (id: string | null) => (id ? view.people.get(id) : undefined);
  return (
    <div
      data-testid="structure-team"
      data-team-key={team.key}
      data-group={team.group ?? ""}
      data-lit={isLit || undefined}
      data-found={isFound || undefined}
      className={`h-full w-full overflow-hidden rounded-lg border-2 text-left text-slate-900 dark:text-slate-100 ${BAND_CLASSES[healthBand(team.score)]} ${isLit || isFound ? "ring-4 ring-indigo-500 ring-offset-2" : ""}`}
    >
      <Handle type="source" position={Position.Top} isConnectable={false} style={CENTRE_HANDLE} />
      <Handle type="target" position={Position.Top} isConnectable={false} style={CENTRE_HANDLE} />
      <div className="px-2.5 pt-1.5">
        <Link
          href={teamPagePath(view.orgSlug, team, view.at)}
          data-team-link={team.key}
          className={`block truncate font-bold hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 ${isFar ? "text-4xl leading-tight" : "text-[15px]"}`}
        >
          {team.name} {!isFar && <span className="font-normal text-slate-600 dark:text-slate-300">{team.score}</span>}
          <span className="sr-only">{`: score ${team.score}, ${flagSummary(team)}`}</span>
        </Link>
        {!isFar && <p className="truncate text-xs text-slate-700 dark:text-slate-300">{flagSummary(team)}</p>}
      </div>
      {!isFar && (
        <ul className="mt-1.5 px-2.5 text-xs">
          {team.slots.length === 0 && <li className="leading-[22px] text-slate-600 dark:text-slate-300">No slots</li>}
          {team.slots.map((slot) => {
            const person = holder(slot.holderId);
            return (
              <li key={slot.id} className="flex gap-1.5 truncate leading-[22px]">
                <span className="font-semibold">{slot.role}</span>
                {person ? (
                  <span
                    className={`truncate rounded px-1 ${view.highlight === person.id ? "bg-indigo-600 text-white" : ""} ${person.isOverloaded ? "font-semibold text-red-700 dark:text-red-300" : ""}`}
                    onMouseEnter={() => view.setHighlight(person.id)}
                    onMouseLeave={() => view.setHighlight(null)}
                    data-person={person.key}
                  >
                    {person.name}
                    {person.teamIds.length > 1 && ` (${Math.round(slot.allocation * 100)}%)`}
                  </span>
                ) : (
                  <span className="italic text-slate-600 dark:text-slate-300">vacant</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});

function GroupBox({ data }: NodeProps<TGroupNode>) {
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  return (
    <div className="pointer-events-none h-full w-full rounded-xl border-2 border-dashed border-slate-400 dark:border-slate-500">
      <p
        className={`truncate px-4 pt-1.5 font-bold text-slate-700 dark:text-slate-200 ${isFar ? "text-[44px] leading-[52px]" : "text-base"}`}
      >
        {data.label}
      </p>
    </div>
  );
}

const NODE_TYPES = { team: TeamCard, area: GroupBox };

function flowNodes(structure: TStructure, placement: TStructurePlacement): (TTeamNode | TGroupNode)[] {
  const groups = structure.groups.map((group, index): TGroupNode => {
    const box = placement.groups[index]!;
    return {
      id: `group:${index}`,
      type: "area",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { label: group.name ?? "No group" },
      selectable: false,
      focusable: false,
      draggable: false,
      zIndex: -1,
      style: { pointerEvents: "none" },
    };
  });
  const teams = structure.teams.map((team): TTeamNode => {
    const box = placement.teams.get(team.id)!;
    const centre = { x: box.width / 2, y: box.height / 2, width: 1, height: 1, position: Position.Top };
    return {
      id: team.id,
      type: "team",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Known before the card is drawn, so that a link to a card out of view is drawn too.
      handles: [
        { ...centre, type: "source" },
        { ...centre, type: "target" },
      ],
      data: { team },
      focusable: false,
      draggable: false,
      ariaRole: "group",
    };
  });
  return [...groups, ...teams];
}

function flowEdges(structure: TStructure, highlight: string | null): Edge[] {
  const teamNames = new Map(structure.teams.map((team) => [team.id, team.name]));
  const personNames = new Map(structure.people.map((person) => [person.id, person.name]));
  return structure.links.map((link) => {
    const isLit = highlight !== null && link.personIds.includes(highlight);
    const isDimmed = highlight !== null && !isLit;
    return {
      id: link.id,
      source: link.source,
      target: link.target,
      type: "straight",
      ariaLabel: `${teamNames.get(link.source)} and ${teamNames.get(link.target)} share ${link.personIds.map((id) => personNames.get(id)).join(", ")}`,
      focusable: false,
      selectable: false,
      style: {
        stroke: link.isOverloaded ? LINK_COLOURS.overloaded : LINK_COLOURS.shared,
        strokeWidth: linkWidth(link.weight) + (isLit ? 3 : 0),
        strokeOpacity: isDimmed ? 0.12 : isLit ? 1 : 0.55,
      },
    };
  });
}

function StructureCanvas({
  structure,
  placement,
  height,
}: {
  structure: TStructure;
  placement: TStructurePlacement;
  height: string;
}) {
  const view = useView();
  const router = useRouter();
  const nodes = useMemo(() => flowNodes(structure, placement), [structure, placement]);
  const edges = useMemo(() => flowEdges(structure, view.highlight), [structure, view.highlight]);
  const teamsById = useMemo(() => new Map(structure.teams.map((team) => [team.id, team])), [structure]);
  return (
    <div className={`${height} w-full overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800`}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        minZoom={0.02}
        maxZoom={2}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        onNodeClick={(event, node) => {
          const team = teamsById.get(node.id);
          // The team's name is a link of its own; a click elsewhere on the card opens the team too.
          if (!team || (event.target as HTMLElement).closest("a")) return;
          router.push(teamPagePath(view.orgSlug, team, view.at));
        }}
        colorMode="system"
        ariaLabelConfig={{ "node.a11yDescription.default": "" }}
      >
        <Controls showInteractive={false} fitViewOptions={{ duration: 300 }} />
      </ReactFlow>
    </div>
  );
}

/** Flies the view to a team's card. */
function useFlyTo(placement: TStructurePlacement | null) {
  const flow = useReactFlow();
  return (teamId: string) => {
    const box = placement?.teams.get(teamId);
    if (!box) return;
    void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 1, duration: 500 });
  };
}

function StructureTools({
  structure,
  placement,
  fileName,
  title,
  setFoundTeamId,
}: {
  structure: TStructure;
  placement: TStructurePlacement | null;
  fileName: string;
  title: string;
  setFoundTeamId: (teamId: string | null) => void;
}) {
  const view = useView();
  const flyTo = useFlyTo(placement);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <StructureSearch
        structure={structure}
        onTeam={(team) => {
          view.setHighlight(null);
          setFoundTeamId(team.id);
          flyTo(team.id);
        }}
        onPerson={(person) => {
          setFoundTeamId(null);
          view.setHighlight(person.id);
          if (person.teamIds[0]) flyTo(person.teamIds[0]);
        }}
      />
      {view.highlight && view.highlight !== view.pinnedPersonId && (
        <button
          type="button"
          className="text-sm text-indigo-700 underline dark:text-indigo-300"
          onClick={() => view.setHighlight(null)}
        >
          Stop highlighting {view.people.get(view.highlight)?.name}
        </button>
      )}
      <StructureExport structure={structure} placement={placement} fileName={fileName} title={title} />
    </div>
  );
}

function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Key">
      {(Object.keys(BAND_CLASSES) as THealthBand[]).map((band) => (
        <li key={band} className="flex items-center gap-1.5">
          <span className={`inline-block h-3 w-4 rounded-sm border-2 ${BAND_CLASSES[band]}`} aria-hidden />
          {BAND_LABELS[band]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-1 w-5" style={{ background: LINK_COLOURS.shared }} aria-hidden />
        people shared by two teams
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-1 w-5" style={{ background: LINK_COLOURS.overloaded }} aria-hidden />
        one of them overloaded
      </li>
    </ul>
  );
}

/**
 * The organisation as a picture (see lib/domain/structure.ts): cards laid out by ELK, drawn by React Flow, which
 * draws only the cards and links in view, so that 1,000 teams pan and zoom smoothly. With `personId`, that person's
 * slots are lit from the start (a person's page).
 */
export function StructureView({
  structure,
  orgSlug,
  at,
  fileName,
  title,
  personId = null,
  height = "h-[70vh] min-h-[420px]",
}: {
  structure: TStructure;
  orgSlug: string;
  at?: string;
  fileName: string;
  title: string;
  personId?: string | null;
  height?: string;
}) {
  const [placement, setPlacement] = useState<TStructurePlacement | null>(null);
  const [failed, setFailed] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(personId);
  const [foundTeamId, setFoundTeamId] = useState<string | null>(null);
  const people = useMemo(() => new Map(structure.people.map((person) => [person.id, person])), [structure]);

  useEffect(() => {
    let isCurrent = true;
    // Loaded on demand, and only in the browser: ELK is large.
    import("elkjs/lib/elk.bundled.js")
      .then(({ default: ELK }) => new ELK().layout(structureLayoutGraph(structure)))
      .then((laidOut) => isCurrent && setPlacement(placeStructure(laidOut)))
      .catch(() => isCurrent && setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [structure]);

  const view = useMemo(
    () => ({
      orgSlug,
      at,
      people,
      highlight,
      setHighlight: (id: string | null) => setHighlight(id ?? personId),
      foundTeamId,
      pinnedPersonId: personId,
    }),
    [orgSlug, at, people, highlight, personId, foundTeamId],
  );

  if (structure.teams.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">There are no teams to draw yet.</p>;
  }
  return (
    <ViewContext.Provider value={view}>
      <ReactFlowProvider>
        <section className="space-y-3" aria-label="Structure picture">
          <StructureTools
            structure={structure}
            placement={placement}
            fileName={fileName}
            title={title}
            setFoundTeamId={setFoundTeamId}
          />
          <Legend />
          {placement ? (
            <StructureCanvas structure={structure} placement={placement} height={height} />
          ) : (
            <div
              className={`${height} flex w-full items-center justify-center rounded-lg border border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400`}
              role="status"
              aria-busy={!failed}
            >
              {failed
                ? "The picture could not be laid out; the list below has the same facts."
                : `Laying out ${structure.teams.length} teams…`}
            </div>
          )}
          <StructureList structure={structure} orgSlug={orgSlug} at={at} />
        </section>
      </ReactFlowProvider>
    </ViewContext.Provider>
  );
}
