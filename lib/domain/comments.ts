// Comments (issue 23): threads on a team, a cell or a draft. Pure helpers: who a comment mentions.

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
