import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/env";
import type { TLiveEvent } from "@/lib/domain/live-event";

/**
 * The process-wide channel that carries live events to this process's browsers.
 *
 * On PostgreSQL, writers call pg_notify inside their transaction (so only committed changes are announced) and each
 * process holds ONE listening connection that fans out to all its subscribers: several app instances share events
 * through PostgreSQL alone. The embedded database (PGlite) delivers notifications only to the connection that sent
 * them, so there events are dispatched in-process after the transaction commits; the embedded database serves a
 * single process anyway.
 */
export const LIVE_CHANNEL = "remit_live";

type TListener = (event: TLiveEvent) => void;
/** Sees every organisation's events; `null` means events may have been missed (the listening connection dropped). */
type TWatcher = (event: TLiveEvent | null) => void;

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

class LiveBus {
  private readonly listeners = new Map<string, Set<TListener>>();
  private readonly watchers = new Set<TWatcher>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private failures = 0;
  private hasListened = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  get isInProcess(): boolean {
    return getEnv().REMIT_EMBEDDED_DATABASE;
  }

  /** Delivers the organisation's events to `listener` until the returned function is called. */
  async subscribe(organizationId: string, listener: TListener): Promise<() => void> {
    if (!this.isInProcess) await this.listen();
    const set = this.listeners.get(organizationId) ?? new Set();
    set.add(listener);
    this.listeners.set(organizationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(organizationId);
    };
  }

  /**
   * Tells `watcher` about every event of every organisation (server-side caches use it), and calls it with `null`
   * whenever events may have been missed. Watchers must be quick and must not throw.
   */
  watch(watcher: TWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** True while every committed change reaches this process (always, on the embedded database). */
  get isListening(): boolean {
    return this.isInProcess || this.client !== null;
  }

  /** Starts listening if it is not; false when the database cannot be reached for that. */
  async ensureListening(): Promise<boolean> {
    if (this.isListening) return true;
    try {
      await this.listen();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Called by writers right after their transaction commits. On the embedded database this is how events travel; on
   * PostgreSQL the events arrive again through LISTEN, but this process's watchers learn of them at once, so that a
   * read right after a write never sees a cache from before it.
   */
  committed(events: readonly TLiveEvent[]): void {
    for (const event of events) {
      if (this.isInProcess) this.dispatch(event);
      else this.tellWatchers(event);
    }
  }

  /** Hands an event to this process's subscribers. */
  dispatch(event: TLiveEvent): void {
    this.tellWatchers(event);
    for (const listener of this.listeners.get(event.organizationId) ?? []) {
      try {
        listener(event);
      } catch (error) {
        console.error("live: a subscriber failed", error);
      }
    }
  }

  private tellWatchers(event: TLiveEvent | null): void {
    for (const watcher of this.watchers) {
      try {
        watcher(event);
      } catch (error) {
        console.error("live: a watcher failed", error);
      }
    }
  }

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /**
   * Tries again, with backoff, for as long as this process has subscribers: a database restart can take longer than
   * one attempt, and until the connection is back no committed change reaches them.
   */
  private scheduleReconnect(): void {
    if (this.reconnectTimer) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failures++, RECONNECT_DELAYS_MS.length - 1)];
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.client || this.listeners.size === 0) return;
      this.listen().catch(() => this.scheduleReconnect());
    }, delay);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 5_000 });
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        this.dispatch(JSON.parse(message.payload) as TLiveEvent);
      } catch (error) {
        console.error("live: an unreadable notification", error);
      }
    });
    const reconnect = () => {
      if (this.client !== client) return;
      this.client = null;
      this.tellWatchers(null);
      client.removeAllListeners("notification");
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("notification");
      void client.end().catch(() => undefined);
      throw error;
    }
    const isReconnect = this.hasListened;
    this.client = client;
    this.hasListened = true;
    this.failures = 0;
    // Changes committed while this process was not listening were never delivered: have every browser reload.
    if (isReconnect) {
      for (const organizationId of this.listeners.keys()) {
        this.dispatch({
          type: "change",
          organizationId,
          entity: "map",
          ids: [],
          actor: { id: "remit", name: "Remit" },
          at: Date.now(),
        });
      }
    }
  }
}

const globalForLive = globalThis as unknown as { remitLiveBus?: LiveBus };

/** The one bus of this process. */
export const liveBus: LiveBus = (globalForLive.remitLiveBus ??= new LiveBus());
