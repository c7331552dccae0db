// Drafts as the API and the screens see them (lib/server/drafts works with them).
import type { TMapComparison } from "./map-compare";

/** A draft as the API shows it. `slug` is its workspace's: every map route and screen works under it. */
export type TDraftView = {
  id: string;
  name: string;
  description: string | null;
  slug: string;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
};

/** A draft compared with live or another draft (see compareMaps). */
export type TDraftComparison = TMapComparison & { with: { kind: "live" | "draft"; id: string; name: string } };
