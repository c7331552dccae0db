// Events (issue 23): what happened that someone may want to hear of, in one shape for webhooks, the inbox and email.
// A payload names the organisation, and the team, duty, slot and person it concerns, by id and key, and links to the
// screen that shows it. Written in the transaction of the change that caused it (lib/server/events).
import type { TComparedFlag } from "./map-compare";

/** The kinds an endpoint (or, later, a person) can subscribe to. */
export const EVENT_KINDS = [
  "flag.introduced",
  "flag.resolved",
  "draft.submitted",
  "draft.approved",
  "draft.changes_requested",
  "draft.published",
  "draft.scheduled",
  "draft.schedule_refused",
  "comment.created",
  "mention",
  "term.ending",
] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];

/**
 * Kinds that are not subscribed to: "send a test event", an endpoint disabled for failing (told to Owners), and the
 * inbox's one line for a change that raised or resolved many flags (its flags still go to webhooks one by one).
 */
export const SYSTEM_EVENT_KINDS = ["webhook.test", "webhook.disabled", "flag.summary"] as const;
export type TAnyEventKind = TEventKind | (typeof SYSTEM_EVENT_KINDS)[number];

export function isEventKind(value: string): value is TEventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

/** Something an event names: its id and key (a slug for an organisation), and its name as it was then. */
export type TEventRef = { id: string; key: string; name: string };

export type TEventData = {
  organization: TEventRef;
  /** When it happened in a draft (a draft's map, or the draft itself): which. */
  draft: { id: string; name: string } | null;
  team?: TEventRef;
  duty?: TEventRef;
  slot?: TEventRef;
  person?: TEventRef;
  /** For flag events: the flag, as the comparison of two maps gives it (its key is stable across maps). */
  flag?: TComparedFlag;
  /** Who did it, when someone did. */
  actor?: { kind: "user" | "token" | "system"; id: string | null; name: string };
  /** What happened, in one sentence (the Slack format's text). */
  sentence: string;
  /** The screen that shows it (absolute). */
  url: string;
  /** Anything else the kind says (e.g. a scheduled publish's moment, a refusal's conflicts). */
  details?: Record<string, unknown>;
};

export type TEvent = { kind: TAnyEventKind; data: TEventData };

/** A delivery's body in the Standard Webhooks shape: `type`, `timestamp` (ISO 8601) and `data`. */
export function standardBody(event: TEvent & { id: string; at: Date }): {
  id: string;
  type: TAnyEventKind;
  timestamp: string;
  data: TEventData;
} {
  return { id: event.id, type: event.kind, timestamp: event.at.toISOString(), data: event.data };
}

/** Slack's incoming webhook text: the sentence, the draft it happened in, and a link to the screen. */
export function slackText(data: TEventData): string {
  const where = data.draft ? ` (in draft “${data.draft.name}”)` : "";
  return `${data.sentence}${where} <${data.url}|Open in Remit>`;
}

/** The sentence of a flag introduced or resolved. */
export function flagSentence(kind: "flag.introduced" | "flag.resolved", flag: TComparedFlag): string {
  return kind === "flag.introduced" ? `New ${flag.severity}: ${flag.message}` : `Resolved: ${flag.message}`;
}
