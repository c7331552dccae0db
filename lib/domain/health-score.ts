/** How bad a flag is; the score charges each its own price. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

/** Points one flag costs a team, before scaling. */
export const HEALTH_PENALTY: Readonly<Record<TSeverity, number>> = { error: 15, warning: 5, info: 1 };

/**
 * Warnings and info are mostly about single slots and people, so their number grows with the team. Past this many
 * slots their cost is scaled down by `HEALTH_BASELINE_SLOTS / slots`, so a big team is not punished for its size.
 */
export const HEALTH_BASELINE_SLOTS = 5;

/**
 * A team's health from 0 to 100 (an integer); 100 when nothing is flagged.
 * Errors cost their full price whatever the size: there can be at most a few per duty, so their number is bounded
 * by the catalogue, not by the team.
 */
export function scoreTeam(severities: Readonly<Record<TSeverity, number>>, slotCount: number): number {
  const scale = slotCount > HEALTH_BASELINE_SLOTS ? HEALTH_BASELINE_SLOTS / slotCount : 1;
  const penalty =
    severities.error * HEALTH_PENALTY.error +
    (severities.warning * HEALTH_PENALTY.warning + severities.info * HEALTH_PENALTY.info) * scale;
  return Math.min(100, Math.max(0, Math.round(100 - penalty)));
}

/** The organisation's health: the mean of its team scores, rounded; null when it has no teams to score. */
export function scoreOrganization(teamScores: readonly number[]): number | null {
  if (teamScores.length === 0) return null;
  let sum = 0;
  for (const score of teamScores) sum += score;
  return Math.round(sum / teamScores.length);
}
