import "server-only";

/** What the cache needs to know of the process's live events (the kernel's live bus), without importing it. */
export type TRevocationFeed = {
  /** True while every committed revocation reaches this process. */
  readonly isListening: boolean;
  ensureListening(): Promise<boolean>;
  /** Calls the watcher with every event, and with null whenever events may have been missed. */
  watch(watcher: (event: { type: string; subjectId?: string } | null) => void): () => void;
};

/**
 * How long a verified token is remembered at most. Revocations reach the cache at once (see follow); this bounds
 * anything else that could change what the token's row says.
 */
const REMEMBER_MS = 60_000;
const MAX_TOKENS = 10_000;

type TEntry<TToken> = { token: TToken; tokenId: string; until: number };

/**
 * API tokens this process verified lately, by the hash of their secret: an API request then makes no round trip to
 * the database for its token (one of the two a cell write makes). Only while the process hears every revocation: a
 * revocation announces itself in its own transaction (pg_notify, which PostgreSQL delivers as it commits, before the
 * revoking request is even answered) and the entry goes; while the listening connection is down, or before it is up,
 * nothing is remembered. So every instance refuses a revoked token as soon as the revocation's notification reaches
 * it, a moment after the commit.
 */
export class VerifiedTokens<TToken> {
  private readonly entries = new Map<string, TEntry<TToken>>();
  private feed: TRevocationFeed | null = null;

  /** Starts remembering, with `feed` telling of revocations (idempotent). Until then, nothing is remembered. */
  follow(feed: TRevocationFeed): void {
    if (this.feed) return;
    this.feed = feed;
    feed.watch((event) => {
      if (event === null) this.entries.clear();
      else if (event.type === "access" && event.subjectId) this.forget(event.subjectId);
    });
  }

  /** The remembered token for this secret's hash, if it may be trusted. */
  get(hash: string, now = Date.now()): TToken | undefined {
    if (!this.isTrusted()) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.token;
    this.entries.delete(hash);
    return undefined;
  }

  remember(hash: string, tokenId: string, token: TToken, now = Date.now()): void {
    if (!this.isTrusted()) return;
    if (this.entries.size >= MAX_TOKENS) this.entries.clear();
    this.entries.set(hash, { token, tokenId, until: now + REMEMBER_MS });
  }

  forget(tokenId: string): void {
    for (const [hash, entry] of this.entries) if (entry.tokenId === tokenId) this.entries.delete(hash);
  }

  private isTrusted(): boolean {
    if (!this.feed) return false;
    if (this.feed.isListening) return true;
    // Not listening yet (or any more): verify every request until the feed is back.
    this.entries.clear();
    void this.feed.ensureListening();
    return false;
  }
}
