import { describe, expect, it, vi } from "vitest";
import { VerifiedTokens, type TRevocationFeed } from "./verified-tokens";

type TWatcher = Parameters<TRevocationFeed["watch"]>[0];

function feed(isListening = true) {
  const watchers: TWatcher[] = [];
  const state = {
    isListening,
    ensureListening: vi.fn(async () => state.isListening),
    watch: (watcher: TWatcher) => {
      watchers.push(watcher);
      return () => undefined;
    },
    tell: (event: Parameters<TWatcher>[0]) => watchers.forEach((watcher) => watcher(event)),
  };
  return state;
}

describe("VerifiedTokens", () => {
  it("remembers nothing until it follows a feed of revocations", () => {
    const tokens = new VerifiedTokens<string>();
    tokens.remember("hash", "t1", "row");
    expect(tokens.get("hash")).toBeUndefined();
    tokens.follow(feed());
    tokens.remember("hash", "t1", "row");
    expect(tokens.get("hash")).toBe("row");
  });

  it("forgets a token when its access changes, and only that token", () => {
    const revocations = feed();
    const tokens = new VerifiedTokens<string>();
    tokens.follow(revocations);
    tokens.remember("a", "t1", "first");
    tokens.remember("b", "t2", "second");
    revocations.tell({ type: "change" });
    expect(tokens.get("a")).toBe("first");
    revocations.tell({ type: "access", subjectId: "t1" });
    expect(tokens.get("a")).toBeUndefined();
    expect(tokens.get("b")).toBe("second");
  });

  it("forgets everything when events may have been missed", () => {
    const revocations = feed();
    const tokens = new VerifiedTokens<string>();
    tokens.follow(revocations);
    tokens.remember("a", "t1", "first");
    revocations.tell(null);
    expect(tokens.get("a")).toBeUndefined();
  });

  it("trusts nothing while the feed is not listening, and asks it to listen", () => {
    const revocations = feed();
    const tokens = new VerifiedTokens<string>();
    tokens.follow(revocations);
    tokens.remember("a", "t1", "first");
    revocations.isListening = false;
    expect(tokens.get("a")).toBeUndefined();
    expect(revocations.ensureListening).toHaveBeenCalled();
    tokens.remember("a", "t1", "first");
    revocations.isListening = true;
    // What was remembered before the feed dropped is gone, and nothing was remembered while it was down.
    expect(tokens.get("a")).toBeUndefined();
  });

  it("keeps a token a minute at most", () => {
    const tokens = new VerifiedTokens<string>();
    tokens.follow(feed());
    tokens.remember("a", "t1", "first", 1_000);
    expect(tokens.get("a", 60_999)).toBe("first");
    expect(tokens.get("a", 61_000)).toBeUndefined();
  });
});
