/**
 * The colours that mark other people on a page (their avatars, their focus on a cell). Each carries white initials,
 * so each has at least WCAG AA's 4.5:1 contrast with white (Tailwind's 700 shades, and violet and blue 600).
 */
export const PEER_PALETTE = [
  "#be185d",
  "#0e7490",
  "#4d7c0f",
  "#c2410c",
  "#7c3aed",
  "#0f766e",
  "#a16207",
  "#2563eb",
] as const;

/** A stable colour for a user. */
export function peerColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PEER_PALETTE[hash % PEER_PALETTE.length]!;
}

/** WCAG 2's relative luminance of a colour written #rrggbb. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2's contrast ratio of two colours written #rrggbb, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
