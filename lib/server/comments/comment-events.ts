import "server-only";
import type { TEvent } from "@/lib/domain/events";
import { announceNow } from "@/lib/server/kernel/run-write";
import type { TCommentAccess } from "./comment-access";
import type { TFoundTarget } from "./comment-target";

const EXCERPT_LENGTH = 140;

function excerpt(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

/**
 * The events of a comment written: `comment.created`, and `mention` for each member it newly mentions (not its
 * author). Payloads name the team, duty, slot and draft of the thread's target, and link to where it is seen.
 */
export function commentEvents(
  access: TCommentAccess,
  target: TFoundTarget,
  comment: { id: string; threadId: string; body: string; isNew: boolean },
  mentioned: readonly { userId: string; name: string }[],
): TEvent[] {
  const { organization, author } = access;
  const actor = { kind: "user" as const, id: author.userId, name: author.name };
  const base = {
    organization: { id: organization.id, key: organization.slug, name: organization.name },
    draft: target.draft,
    ...(target.team ? { team: target.team } : {}),
    ...(target.duty ? { duty: target.duty } : {}),
    ...(target.slot ? { slot: target.slot } : {}),
    actor,
    url: target.url,
  };
  const details = { threadId: comment.threadId, commentId: comment.id, excerpt: excerpt(comment.body) };
  const events: TEvent[] = comment.isNew
    ? [
        {
          kind: "comment.created",
          data: { ...base, sentence: `${author.name} commented on ${target.label}: “${details.excerpt}”`, details },
        },
      ]
    : [];
  for (const member of mentioned) {
    if (member.userId === author.userId) continue;
    events.push({
      kind: "mention",
      data: {
        ...base,
        sentence: `${author.name} mentioned ${member.name} on ${target.label}: “${details.excerpt}”`,
        details: { ...details, mentioned: { id: member.userId, name: member.name } },
      },
    });
  }
  return events;
}

/** Tells open pages of the organisation that a thread changed. */
export async function announceThread(
  access: TCommentAccess,
  thread: { id: string; teamId: string | null; draftId: string | null },
): Promise<void> {
  await announceNow({
    type: "comment",
    organizationId: access.organization.id,
    threadId: thread.id,
    teamId: thread.teamId,
    draftId: thread.draftId,
    actor: { id: access.author.userId, name: access.author.name },
    at: Date.now(),
  });
}
