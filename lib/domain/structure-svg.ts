import {
  healthBand,
  linkWidth,
  TEAM_CARD,
  type THealthBand,
  type TStructure,
  type TStructurePlacement,
} from "./structure";

/** The card colours of each health band (fill, edge), light theme: an exported picture is printed and pasted. */
export const BAND_COLOURS: Record<THealthBand, { fill: string; edge: string }> = {
  good: { fill: "#ecfdf5", edge: "#059669" },
  fair: { fill: "#fffbeb", edge: "#d97706" },
  poor: { fill: "#fef2f2", edge: "#dc2626" },
};
export const LINK_COLOURS = { shared: "#6366f1", overloaded: "#dc2626" } as const;
/** The outline of a team a draft adds or changes (Tailwind's fuchsia-600, as on screen). */
export const CHANGE_COLOUR = "#c026d3";

/** A team a draft adds or changes, as the structure view marks it, and the change in words for screen readers. */
export type TTeamMark = { kind: "added" | "changed"; description: string };
/** Marks by team id (a packed structure's teams are named by their keys). */
export type TTeamMarks = Readonly<Record<string, TTeamMark>>;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[char]};`);

/** Text longer than a card's line is cut with an ellipsis (SVG text does not wrap). */
function fit(text: string, characters: number): string {
  return text.length > characters ? `${text.slice(0, characters - 1)}…` : text;
}

/** Flag counts as a card shows them: "2 errors · 1 warning", or "No flags". */
export function flagSummary(team: { errors: number; warnings: number; infos: number }): string {
  const parts = [
    [team.errors, "error"],
    [team.warnings, "warning"],
    [team.infos, "info"],
  ] as const;
  const shown = parts
    .filter(([count]) => count > 0)
    .map(([count, noun]) => `${count} ${noun}${count === 1 ? "" : "s"}`);
  return shown.length > 0 ? shown.join(" · ") : "No flags";
}

/**
 * The whole structure as a standalone SVG document: group boxes, links between teams, and team cards with their
 * slots and holders. Drawn from the layout, not from the screen, so that it holds every team however the view is
 * zoomed (the screen draws only what is in view).
 */
export function structureSvg(
  structure: TStructure,
  placement: TStructurePlacement,
  title: string,
  marks: TTeamMarks = {},
): string {
  const names = new Map(structure.people.map((person) => [person.id, person.name]));
  const centre = (id: string) => {
    const box = placement.teams.get(id)!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const parts: string[] = [];
  structure.groups.forEach((group, index) => {
    const box = placement.groups[index]!;
    parts.push(
      `<g><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="12" fill="#f8fafc" stroke="#cbd5e1"/>`,
      `<text x="${box.x + 16}" y="${box.y + 26}" font-size="16" font-weight="700" fill="#334155">${escapeXml(group.name ?? "No group")}</text></g>`,
    );
  });
  for (const link of structure.links) {
    const [a, b] = [centre(link.source), centre(link.target)];
    const colour = link.isOverloaded ? LINK_COLOURS.overloaded : LINK_COLOURS.shared;
    parts.push(
      `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${colour}" stroke-opacity="0.6" stroke-width="${linkWidth(link.weight)}"/>`,
    );
  }
  for (const team of structure.teams) {
    const box = placement.teams.get(team.id)!;
    const colours = BAND_COLOURS[healthBand(team.score)];
    const line = (index: number) => box.y + TEAM_CARD.header + TEAM_CARD.line * index + 16;
    const mark = marks[team.id];
    if (mark) {
      parts.push(
        `<rect x="${box.x - 5}" y="${box.y - 5}" width="${box.width + 10}" height="${box.height + 10}" rx="10" fill="none" stroke="${CHANGE_COLOUR}" stroke-width="3" stroke-dasharray="8 4"/>`,
      );
    }
    parts.push(
      `<g><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${colours.fill}" stroke="${colours.edge}" stroke-width="2"/>`,
      `<text x="${box.x + 10}" y="${box.y + 22}" font-size="15" font-weight="700" fill="#0f172a">${escapeXml(fit(team.name, 22))} <tspan fill="#475569" font-weight="400">${team.score}</tspan></text>`,
      `<text x="${box.x + 10}" y="${box.y + 42}" font-size="12" fill="#334155">${escapeXml(flagSummary(team))}</text>`,
      mark
        ? `<text x="${box.x + box.width - 10}" y="${box.y + 42}" font-size="12" font-weight="700" fill="${CHANGE_COLOUR}" text-anchor="end">${mark.kind === "added" ? "New" : "Changed"}</text>`
        : "",
      ...team.slots.map(
        (slot, index) =>
          `<text x="${box.x + 10}" y="${line(index)}" font-size="12" fill="#0f172a"><tspan font-weight="600">${escapeXml(fit(slot.role, 14))}</tspan> ${escapeXml(fit(slot.holderId ? (names.get(slot.holderId) ?? "?") : "vacant", 22))}</text>`,
      ),
      "</g>",
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${placement.width}" height="${placement.height}" viewBox="0 0 ${placement.width} ${placement.height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
  ].join("\n");
}
