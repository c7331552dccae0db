"use client";

import "@xyflow/react/dist/style.css";
import {
  ControlButton,
  Controls,
  getViewportForBounds,
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
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { teamPagePath } from "@/lib/domain/page-paths";
import {
  healthBand,
  linkWidth,
  type THealthBand,
  type TStructure,
  type TStructurePerson,
  type TStructurePlacement,
  type TStructureTeam,
} from "@/lib/domain/structure";
import { unpackStructure, type TPackedStructure } from "@/lib/domain/structure-pack";
import { BAND_COLOURS, CHANGE_COLOUR, flagSummary, LINK_COLOURS, type TTeamMarks } from "@/lib/domain/structure-svg";
import { StructureExport } from "./structure-export";
import { StructureList } from "./structure-list";
import { StructureSearch } from "./structure-search";

type TTeamNode = Node<{ team: TStructureTeam }, "team">;
type TGroupNode = Node<{ label: string }, "area">;

type TViewContext = {
  orgSlug: string;
  at?: string;
  /** Teams marked as changed (a draft's compare), by team id. */
  marks: TTeamMarks;
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
// Below this zoom even a card's name is unreadable: the picture is drawn on a canvas instead of as cards and links,
// which at 1,000 teams in view would be thousands of elements (the whole organisation fitted to the screen).
const CANVAS_ZOOM = 0.2;
const FIT_PADDING = 0.1;
// The links join the cards' centres; a card is drawn over them.
const CENTRE_HANDLE = { top: "50%", left: "50%", opacity: 0, pointerEvents: "none" } as const;

const TeamCard = memo(function TeamCard({ data: { team } }: NodeProps<TTeamNode>) {
  const view = useView();
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  const isLit = view.highlight !== null && team.slots.some((slot) => slot.holderId === view.highlight);
  const isFound = view.foundTeamId === team.id;
  const mark = view.marks[team.id];
  const holder = (id: string | null) => (id ? view.people.get(id) : undefined);
  return (
    <div
      data-testid="structure-team"
      data-team-key={team.key}
      data-group={team.group ?? ""}
      data-lit={isLit || undefined}
      data-found={isFound || undefined}
      data-change={mark?.kind}
      className={`relative h-full w-full overflow-hidden rounded-lg border-2 text-left text-slate-900 dark:text-slate-100 ${BAND_CLASSES[healthBand(team.score)]} ${isLit || isFound ? "ring-4 ring-indigo-500 ring-offset-2" : mark ? "outline-4 outline-offset-2 outline-fuchsia-600 outline-dashed" : ""}`}
    >
      {mark && (
        <span
          aria-hidden
          className="absolute top-1 right-1 rounded bg-fuchsia-700 px-1.5 text-xs leading-5 font-semibold text-white"
        >
          {mark.kind === "added" ? "New" : "Changed"}
        </span>
      )}
      <Handle type="source" position={Position.Top} isConnectable={false} style={CENTRE_HANDLE} />
      <Handle type="target" position={Position.Top} isConnectable={false} style={CENTRE_HANDLE} />
      <div className="px-2.5 pt-1.5">
        <Link
          href={teamPagePath(view.orgSlug, team, view.at)}
          data-team-link={team.key}
          className={`block truncate font-bold hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 ${isFar ? "text-4xl leading-tight" : "text-[15px]"} ${mark ? "pr-16" : ""}`}
        >
          {team.name} {!isFar && <span className="font-normal text-slate-600 dark:text-slate-300">{team.score}</span>}
          <span className="sr-only">{`: score ${team.score}, ${flagSummary(team)}${mark ? `; ${mark.description}` : ""}`}</span>
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

/** Where the whole picture fits the frame (no closer than 1:1), once the frame's size is known. */
function useFit(placement: TStructurePlacement) {
  const flow = useReactFlow();
  const size = useStore((state) => ({ width: state.width, height: state.height }), sameSize);
  const fit = useCallback(
    async (duration?: number) => {
      if (size.width === 0 || size.height === 0) return;
      const bounds = { x: 0, y: 0, width: placement.width, height: placement.height };
      await flow.setViewport(
        getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, 1, FIT_PADDING),
        duration ? { duration } : undefined,
      );
    },
    [flow, placement, size.width, size.height],
  );
  return { fit, hasSize: size.width > 0 && size.height > 0 };
}

const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) =>
  a.width === b.width && a.height === b.height;

const MIN_ZOOM = 0.02;

/**
 * The picture far out, on a canvas under the controls: group boxes, links and cards in their colours, the lit and
 * marked ones outlined, names where they are still readable. Redrawn as the view moves (a few milliseconds for 1,000
 * teams).
 */
function FarPicture({ structure, placement }: { structure: TStructure; placement: TStructurePlacement }) {
  const view = useView();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [x, y, zoom] = useStore((state) => state.transform);
  const { width, height } = useStore((state) => ({ width: state.width, height: state.height }), sameSize);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
    const onePixel = 1 / zoom;
    placement.groups.forEach((box, index) => {
      context.fillStyle = "rgba(148, 163, 184, 0.12)";
      context.fillRect(box.x, box.y, box.width, box.height);
      context.strokeStyle = "#94a3b8";
      context.lineWidth = onePixel;
      context.strokeRect(box.x, box.y, box.width, box.height);
      if (44 * zoom >= 9) {
        context.fillStyle = "#64748b";
        context.font = "bold 44px system-ui, sans-serif";
        context.fillText(structure.groups[index]?.name ?? "No group", box.x + 16, box.y + 48, box.width - 32);
      }
    });
    const centre = (id: string) => {
      const box = placement.teams.get(id)!;
      return [box.x + box.width / 2, box.y + box.height / 2] as const;
    };
    for (const link of structure.links) {
      const isLit = view.highlight !== null && link.personIds.includes(view.highlight);
      context.globalAlpha = view.highlight !== null && !isLit ? 0.12 : isLit ? 1 : 0.55;
      context.strokeStyle = link.isOverloaded ? LINK_COLOURS.overloaded : LINK_COLOURS.shared;
      context.lineWidth = Math.max(onePixel, linkWidth(link.weight) + (isLit ? 3 : 0));
      context.beginPath();
      context.moveTo(...centre(link.source));
      context.lineTo(...centre(link.target));
      context.stroke();
    }
    context.globalAlpha = 1;
    for (const team of structure.teams) {
      const box = placement.teams.get(team.id)!;
      const colours = BAND_COLOURS[healthBand(team.score)];
      context.fillStyle = colours.fill;
      context.fillRect(box.x, box.y, box.width, box.height);
      context.strokeStyle = colours.edge;
      context.lineWidth = Math.max(onePixel, 2);
      context.strokeRect(box.x, box.y, box.width, box.height);
      const isLit = view.highlight !== null && team.slots.some((slot) => slot.holderId === view.highlight);
      const mark = view.marks[team.id];
      if (isLit || view.foundTeamId === team.id || mark) {
        context.strokeStyle = isLit || view.foundTeamId === team.id ? "#6366f1" : CHANGE_COLOUR;
        context.lineWidth = 4 * onePixel;
        context.strokeRect(
          box.x - 6 * onePixel,
          box.y - 6 * onePixel,
          box.width + 12 * onePixel,
          box.height + 12 * onePixel,
        );
      }
      if (36 * zoom >= 7) {
        context.fillStyle = "#0f172a";
        context.font = "bold 36px system-ui, sans-serif";
        context.fillText(team.name, box.x + 10, box.y + 40, box.width - 20);
      }
    }
  }, [structure, placement, view, x, y, zoom, width, height]);
  return (
    <canvas
      ref={canvasRef}
      aria-hidden
      data-testid="structure-canvas"
      className="pointer-events-none absolute inset-0 z-[4]"
      style={{ width, height }}
    />
  );
}

const FitIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden>
    <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
  </svg>
);

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
  const flow = useReactFlow();
  const { fit, hasSize } = useFit(placement);
  const [isFitted, setIsFitted] = useState(false);
  useEffect(() => {
    if (hasSize && !isFitted) void fit().then(() => setIsFitted(true));
  }, [fit, hasSize, isFitted]);
  const isCanvas = useStore((state) => state.transform[2] < CANVAS_ZOOM);
  // Until the picture is fitted, and while it is drawn on the canvas, React Flow gets no cards and no links.
  const isCards = isFitted && !isCanvas;
  const nodes = useMemo(() => (isCards ? flowNodes(structure, placement) : []), [structure, placement, isCards]);
  const edges = useMemo(
    () => (isCards ? flowEdges(structure, view.highlight) : []),
    [structure, view.highlight, isCards],
  );
  const teamsById = useMemo(() => new Map(structure.teams.map((team) => [team.id, team])), [structure]);
  const open = (team: TStructureTeam) => router.push(teamPagePath(view.orgSlug, team, view.at));
  return (
    <div
      className={`${height} w-full overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800`}
      data-drawn={isFitted ? (isCards ? "cards" : "canvas") : undefined}
    >
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
        minZoom={MIN_ZOOM}
        maxZoom={2}
        onNodeClick={(event, node) => {
          const team = teamsById.get(node.id);
          // The team's name is a link of its own; a click elsewhere on the card opens the team too.
          if (!team || (event.target as HTMLElement).closest("a")) return;
          open(team);
        }}
        onPaneClick={(event) => {
          if (isCards) return;
          // On the canvas, a click on a card opens its team.
          const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
          const hit = structure.teams.find((team) => {
            const box = placement.teams.get(team.id)!;
            return (
              point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height
            );
          });
          if (hit) open(hit);
        }}
        colorMode="system"
        ariaLabelConfig={{ "node.a11yDescription.default": "" }}
      >
        {isFitted && isCanvas && <FarPicture structure={structure} placement={placement} />}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton onClick={() => void fit(300)} title="Fit view" aria-label="Fit view">
            <FitIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}

/** Flies the view to a team's card. */
function useFlyTo(placement: TStructurePlacement) {
  const flow = useReactFlow();
  return (teamId: string) => {
    const box = placement.teams.get(teamId);
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
  placement: TStructurePlacement;
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
      <StructureExport
        structure={structure}
        placement={placement}
        marks={view.marks}
        fileName={fileName}
        title={title}
      />
    </div>
  );
}

function Legend({ hasMarks }: { hasMarks: boolean }) {
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
      {hasMarks && (
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-4 rounded-sm outline-2 outline-fuchsia-600 outline-dashed" aria-hidden />
          new or changed in the draft
        </li>
      )}
    </ul>
  );
}

/** Each packed structure unpacked once: the server renders one (see OrgStructure) for many page loads. */
const unpacked = new WeakMap<TPackedStructure, ReturnType<typeof unpackStructure>>();

function unpackOnce(packed: TPackedStructure) {
  let result = unpacked.get(packed);
  if (!result) {
    result = unpackStructure(packed);
    unpacked.set(packed, result);
  }
  return result;
}

/**
 * The organisation as a picture (see lib/domain/structure.ts), laid out on the server (ELK) and sent packed: cards
 * drawn by React Flow, which draws only the cards and links in view; zoomed far out, as at first with 1,000 teams, the
 * whole picture on one canvas. With `personId`, that person's slots are lit from the start (a person's page); with
 * `marks`, the teams a draft changes are marked (a draft's compare).
 */
export function StructureView({
  packed,
  orgSlug,
  at,
  fileName,
  title,
  personId = null,
  marks = NO_MARKS,
  height = "h-[70vh] min-h-[420px]",
}: {
  packed: TPackedStructure;
  orgSlug: string;
  at?: string;
  fileName: string;
  title: string;
  personId?: string | null;
  marks?: TTeamMarks;
  height?: string;
}) {
  const { structure, placement } = unpackOnce(packed);
  const [highlight, setHighlight] = useState<string | null>(personId);
  const [foundTeamId, setFoundTeamId] = useState<string | null>(null);
  const people = useMemo(() => new Map(structure.people.map((person) => [person.id, person])), [structure]);

  const view = useMemo(
    () => ({
      orgSlug,
      at,
      marks,
      people,
      highlight,
      setHighlight: (id: string | null) => setHighlight(id ?? personId),
      foundTeamId,
      pinnedPersonId: personId,
    }),
    [orgSlug, at, marks, people, highlight, personId, foundTeamId],
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
          <Legend hasMarks={Object.keys(marks).length > 0} />
          <StructureCanvas structure={structure} placement={placement} height={height} />
          <StructureList structure={structure} orgSlug={orgSlug} at={at} marks={marks} />
        </section>
      </ReactFlowProvider>
    </ViewContext.Provider>
  );
}

const NO_MARKS: TTeamMarks = {};
