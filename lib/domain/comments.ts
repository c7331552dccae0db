// Comments (issue 23): threads on a team, a cell or a draft. Pure helpers: who a comment mentions.
import { cellKey } from "./team-view";

/** The longest a comment may be, in characters. */
export const COMMENT_MAX_LENGTH = 5000;

export type TMentionable = { userId: string; email: string; name: string };

/**
 * The members `body` mentions: `@` followed by a member's email or full name, case-insensitively; where several
 * match at one `@` (“Ann” and “Ann Lee”), the longest wins. A match must end where a word ends, so that “@Ann Leeds”
 * does not mention Ann Lee. Each member once, in the order first mentioned.
 */
export function findMentions(body: string, members: readonly TMentionable[]): string[] {
  const lower = body.toLowerCase();
  const handles = members
    .flatMap((member) => [member.email, member.name].map((handle) => ({ userId: member.userId, handle })))
    .filter(({ handle }) => handle.trim().length > 0)
    .map(({ userId, handle }) => ({ userId, handle: handle.toLowerCase() }))
    .sort((a, b) => b.handle.length - a.handle.length);
  const found: string[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    const rest = lower.slice(at + 1);
    const match = handles.find(
      ({ handle }) => rest.startsWith(handle) && !/[\p{L}\p{N}_]/u.test(rest[handle.length] ?? ""),
    );
    if (match && !found.includes(match.userId)) found.push(match.userId);
  }
  return found;
}

/** A piece of a comment's text as shown: plain text, or a link (http or https only). */
export type TTextPiece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// What looks like a web address; punctuation that usually ends a sentence is left out of it below.
const ADDRESS = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits a comment's text into plain text and links, so that a screen shows the text as text and makes only its
 * http(s) addresses clickable: nothing else in it (markup, `javascript:` addresses) ever becomes anything but text.
 */
export function linkPieces(body: string): TTextPiece[] {
  const pieces: TTextPiece[] = [];
  let from = 0;
  const pushText = (text: string) => {
    if (text === "") return;
    const last = pieces.at(-1);
    if (last?.kind === "text") last.text += text;
    else pieces.push({ kind: "text", text });
  };
  for (const match of body.matchAll(ADDRESS)) {
    const at = match.index;
    const address = match[0].replace(TRAILING, "");
    let href: string | null = null;
    try {
      const url = new URL(address);
      if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    pushText(body.slice(from, at));
    pieces.push({ kind: "link", text: address, href });
    from = at + address.length;
  }
  pushText(body.slice(from));
  return pieces;
}

/** What a person may do with an organisation's comments, as a screen offers it. */
export type TCommentRights = {
  /** Start threads and reply (and so edit and delete their own). */
  mayWrite: boolean;
  /** Resolve and reopen any thread (Managers and Owners); whoever started a thread may always. */
  mayModerate: boolean;
  /** A Viewer whose organisation has turned comments by Viewers off. */
  isOffForViewers: boolean;
};

/** The rights of a member of `role` where Viewers may comment or not; API tokens never write. */
export function commentRights(
  role: "OWNER" | "MANAGER" | "VIEWER",
  viewersMayComment: boolean,
  isPerson: boolean,
): TCommentRights {
  const isOffForViewers = role === "VIEWER" && !viewersMayComment;
  return {
    mayWrite: isPerson && !isOffForViewers,
    mayModerate: isPerson && role !== "VIEWER",
    isOffForViewers,
  };
}

/** The words that say how many open threads there are: "1 open comment thread", "2 open comment threads". */
export function openThreadsLabel(count: number): string {
  return `${count} open comment thread${count === 1 ? "" : "s"}`;
}

/** Enough of a thread to count it: whether it is open, and what it is about. */
type TCountedThread = {
  status: "open" | "resolved";
  target: { kind: "team" | "cell" | "draft"; dutyId: string | null; slotId: string | null };
};

/** How many open threads each cell has, by `cellKey` ("dutyId:slotId"), and how many are open in all. */
export function countOpenThreads(threads: readonly TCountedThread[]): {
  byCell: ReadonlyMap<string, number>;
  total: number;
} {
  const byCell = new Map<string, number>();
  let total = 0;
  for (const { status, target } of threads) {
    if (status !== "open") continue;
    total += 1;
    if (target.kind !== "cell" || !target.dutyId || !target.slotId) continue;
    const key = cellKey(target.dutyId, target.slotId);
    byCell.set(key, (byCell.get(key) ?? 0) + 1);
  }
  return { byCell, total };
}
