import "server-only";
import { db } from "@/lib/db";
import { analyzeMap, type TMapAnalysis, type TRuleFlag } from "@/lib/domain/analyze-map";
import type { TRemitMap } from "@/lib/domain/model";
import { summarizeOverview, type TOverview } from "@/lib/domain/overview";
import type { TRules } from "@/lib/domain/rules";
import { liveBus } from "./live-bus";
import { loadMapAt } from "./map-at";
import { readPlanned } from "./map-planned";
import { loadMap } from "./load-map";
import { readRules } from "./read-rules";

/** An organisation's map as read at `loadedAt`, with what is derived from it. Shared: never mutate it. */
export type TMapSnapshot = {
  map: TRemitMap;
  /** The organisation's rules (a draft's own), which the analysis ran under. */
  rules: TRules;
  analysis: TMapAnalysis<TRuleFlag>;
  overview: TOverview;
  loadedAt: number;
};

/** A 1,000-team map with its analysis takes tens of megabytes: keep a few, and not for long once unused. */
const MAX_ORGANIZATIONS = 8;
const IDLE_MS = 10 * 60_000;

type TEntry = {
  generation: number;
  snapshot: Promise<TMapSnapshot>;
  /** The snapshot, once read. */
  value?: TMapSnapshot;
  usedAt: number;
};

function snapshotOf(map: TRemitMap, rules: TRules, loadedAt: number): TMapSnapshot {
  const analysis = analyzeMap(map, rules);
  return { map, rules, analysis, overview: summarizeOverview(map, analysis), loadedAt };
}

async function readFromDatabase(organizationId: string): Promise<TMapSnapshot> {
  const loadedAt = Date.now();
  const [map, rules] = await Promise.all([loadMap({ organizationId }), readRules(db, organizationId)]);
  return snapshotOf(map, rules, loadedAt);
}

/** Whether `at` is a moment to come: the map there is a plan (see readPlanned). */
const isFuture = (at: Date) => at.getTime() > Date.now();

/**
 * The map as it was at a past moment (rewound through the journal; not cached), as it will be at a future one (live
 * with the drafts scheduled by then; live's cached snapshot when none is), or as it is now.
 */
export async function readSnapshotAt(organizationId: string, at: Date | undefined): Promise<TMapSnapshot> {
  if (at === undefined) return mapSnapshots.read(organizationId);
  if (isFuture(at)) {
    const planned = await readPlanned(organizationId, at, (id) => mapSnapshots.read(id));
    if (planned.steps.length === 0) return mapSnapshots.read(organizationId);
    return snapshotOf(planned.map, planned.rules, Date.now());
  }
  // A past map is checked against today's rules: rules say how to judge a map, not what it was.
  const [map, rules] = await Promise.all([loadMapAt(organizationId, at), readRules(db, organizationId)]);
  return snapshotOf(map, rules, at.getTime());
}

/**
 * The map and today's rules, the map as it was at a past moment, will be at a future one, or is now, for a reader that needs no analysis of the whole map (one
 * team's or person's screen): a past map is not analysed, which at 1,000 teams saves about 100 ms per read. With
 * `team` (an id or key), a past map holds only that team's cells, which spares reading and rewinding the others.
 */
export async function readMapAt(
  organizationId: string,
  at: Date | undefined,
  team?: string,
): Promise<{ map: TRemitMap; rules: TRules; loadedAt: number }> {
  if (at === undefined) {
    const snapshot = await mapSnapshots.read(organizationId);
    return { map: snapshot.map, rules: snapshot.rules, loadedAt: currentAsOf(organizationId, snapshot) };
  }
  if (isFuture(at)) {
    const { map, rules } = await readPlanned(organizationId, at, (id) => mapSnapshots.read(id));
    return { map, rules, loadedAt: Date.now() };
  }
  const [map, rules] = await Promise.all([loadMapAt(organizationId, at, team), readRules(db, organizationId)]);
  return { map, rules, loadedAt: at.getTime() };
}

/**
 * The moment `snapshot` (of readSnapshotAt) is known to show, what an answer calls `loadedAt`: now, while it is the
 * organisation's cached snapshot (no change committed since it was read, see MapSnapshots), else when it was read (or
 * the past moment it shows). A browser counts a page's data as fresh from then, so an unchanged map's cached snapshot
 * does not make every page load fetch its data again once the snapshot is older than the browser's freshness window.
 */
export function currentAsOf(organizationId: string, snapshot: TMapSnapshot): number {
  return mapSnapshots.isCurrent(organizationId, snapshot) ? Date.now() : snapshot.loadedAt;
}

/**
 * Keeps each organisation's last read map, with its analysis and overview, until a change to it is committed. Reading
 * and analysing 1,000 teams takes hundreds of milliseconds, and every browser on the organisation reloads after each
 * change, so without this they would each pay for it.
 *
 * Correctness rests on the live bus: every map write goes through `runWrite`, which tells this process's watchers as
 * soon as it commits (and other processes through PostgreSQL's NOTIFY). While this process is not listening (the
 * connection dropped), nothing is cached. Readers share one read only if no change was committed since it began, so
 * a read that starts after a write's response always sees that write.
 */
class MapSnapshots {
  private readonly entries = new Map<string, TEntry>();
  private readonly generations = new Map<string, number>();

  constructor() {
    liveBus.watch((event) => {
      if (event === null) this.clear();
      else if (event.type === "change") this.invalidate(event.organizationId);
    });
    setInterval(() => this.dropIdle(), 60_000).unref();
  }

  async read(organizationId: string): Promise<TMapSnapshot> {
    if (!(await liveBus.ensureListening())) return readFromDatabase(organizationId);
    const generation = this.generations.get(organizationId) ?? 0;
    const entry = this.entries.get(organizationId);
    if (entry && entry.generation === generation) {
      entry.usedAt = Date.now();
      return entry.snapshot;
    }
    const snapshot = readFromDatabase(organizationId);
    const fresh: TEntry = { generation, snapshot, usedAt: Date.now() };
    this.entries.set(organizationId, fresh);
    snapshot.then(
      (value) => (fresh.value = value),
      () => {
        if (this.entries.get(organizationId) === fresh) this.entries.delete(organizationId);
      },
    );
    this.evictLeastUsed();
    return snapshot;
  }

  /** Whether `snapshot` is the organisation's cached one, with no change committed since it was read. */
  isCurrent(organizationId: string, snapshot: TMapSnapshot): boolean {
    // A change committed since removes the entry (see invalidate).
    return liveBus.isListening && this.entries.get(organizationId)?.value === snapshot;
  }

  /** Drops the organisation's snapshot. */
  invalidate(organizationId: string): void {
    this.generations.set(organizationId, (this.generations.get(organizationId) ?? 0) + 1);
    this.entries.delete(organizationId);
  }

  clear(): void {
    for (const organizationId of this.entries.keys()) this.invalidate(organizationId);
  }

  private dropIdle(): void {
    const cutoff = Date.now() - IDLE_MS;
    for (const [organizationId, entry] of this.entries) if (entry.usedAt < cutoff) this.entries.delete(organizationId);
  }

  private evictLeastUsed(): void {
    while (this.entries.size > MAX_ORGANIZATIONS) {
      let oldest: [string, TEntry] | undefined;
      for (const pair of this.entries) if (!oldest || pair[1].usedAt < oldest[1].usedAt) oldest = pair;
      this.entries.delete(oldest![0]);
    }
  }
}

const globalForSnapshots = globalThis as unknown as { remitMapSnapshots?: MapSnapshots };

/** The one snapshot cache of this process. */
export const mapSnapshots: MapSnapshots = (globalForSnapshots.remitMapSnapshots ??= new MapSnapshots());
