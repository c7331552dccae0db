// Notifications (issue 23): events in a member's inbox, and by email as each member chooses per kind. Who receives
// which kind is decided by the server (lib/server/events/notify-recipients.ts); what a notification says and how it
// reads in an email is decided here. See docs/notifications.md.
import { countNoun } from "./count-noun";
import { EVENT_KINDS, type TAnyEventKind } from "./events";
import { ACTION_PHRASES } from "./journal-sentences";
import type { TJournalAction } from "./journal";

/**
 * The kinds that reach an inbox: every event kind, an Owner's webhook disabled for failing, and the one line for a
 * change with more flags than FLAGS_NOTIFIED_ONE_BY_ONE.
 */
export const NOTIFICATION_KINDS = [...EVENT_KINDS, "webhook.disabled", "flag.summary"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(kind: string): kind is TNotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** How a kind is emailed: each at once, gathered in a daily digest, or not at all. The inbox always has it. */
export const EMAIL_MODES = ["instant", "daily", "off"] as const;
export type TEmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_MODE_LABELS: Record<TEmailMode, string> = {
  instant: "At once",
  daily: "Daily digest",
  off: "Off",
};

/** Each kind in words, for the settings screen. */
export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, string> = {
  mention: "Someone mentions you",
  "comment.created": "A comment in a thread you take part in",
  "draft.submitted": "A draft is submitted to you for review",
  "draft.approved": "Your draft is approved",
  "draft.changes_requested": "Changes are requested on your draft",
  "draft.published": "A draft you wrote or review is published",
  "draft.scheduled": "A draft you wrote or review is scheduled",
  "draft.schedule_refused": "A scheduled publish is refused",
  "flag.introduced": "A new gap or overlap",
  "flag.resolved": "A gap or overlap is resolved",
  "term.ending": "A term ends in 14 days",
  "webhook.disabled": "A webhook is disabled for failing",
  "flag.summary": "Many gaps and overlaps at once (an import, a publish)",
};

/**
 * What a member gets by email until they choose: at once what is addressed to them (a mention, a review, their draft),
 * the rest (flags, terms, comments, drafts they only follow) in the daily digest.
 */
export const DEFAULT_EMAIL_MODES: Record<TNotificationKind, TEmailMode> = {
  mention: "instant",
  "comment.created": "daily",
  "draft.submitted": "instant",
  "draft.approved": "instant",
  "draft.changes_requested": "instant",
  "draft.published": "daily",
  "draft.scheduled": "daily",
  "draft.schedule_refused": "instant",
  "flag.introduced": "daily",
  "flag.resolved": "daily",
  "term.ending": "daily",
  "webhook.disabled": "instant",
  "flag.summary": "daily",
};

/**
 * A change that raises and resolves more flags than this (an import, a publish, a rule turned on) reaches each
 * recipient's inbox as one `flag.summary`, not a notification per flag; webhooks still get every flag.
 */
export const FLAGS_NOTIFIED_ONE_BY_ONE = 20;

/**
 * The sentence of a `flag.summary`: who made the change (`changes` of them, judged as one: see
 * lib/server/events/flag-events.ts) and what it did to the flags. `action` is the journal's, when it was one change.
 */
export function flagSummarySentence({
  actorName,
  action,
  changes,
  introduced,
  resolved,
}: {
  actorName: string | null;
  action: TJournalAction | null;
  changes: number;
  introduced: number;
  resolved: number;
}): string {
  const phrase = changes === 1 && action ? ACTION_PHRASES[action] : undefined;
  const by = actorName ? ` by ${actorName}` : "";
  const who =
    phrase && actorName
      ? `${actorName} ${phrase}`
      : changes === 1
        ? `A change${by}`
        : `${countNoun(changes, "change")}${by}`;
  const raised = introduced > 0 ? [`${countNoun(introduced, "flag")} raised`] : [];
  const cleared =
    resolved > 0
      ? [introduced > 0 ? `${resolved.toLocaleString("en")} resolved` : `${countNoun(resolved, "flag")} resolved`]
      : [];
  return `${who}: ${[...raised, ...cleared].join(", ")}`;
}

/** A member's email mode for every kind: their choices over the defaults (unknown kinds and modes ignored). */
export function emailModes(chosen: readonly { kind: string; email: string }[]): Record<TNotificationKind, TEmailMode> {
  const modes = { ...DEFAULT_EMAIL_MODES };
  for (const { kind, email } of chosen) {
    if (isNotificationKind(kind) && (EMAIL_MODES as readonly string[]).includes(email)) {
      modes[kind] = email as TEmailMode;
    }
  }
  return modes;
}

/** The hour (UTC) the daily digest is sent. */
export const DIGEST_HOUR_UTC = 7;

/** The next moment a daily digest goes out after `now`: DIGEST_HOUR_UTC today if still to come, else tomorrow. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** One notification as an email shows it. */
export type TMailItem = {
  kind: TAnyEventKind;
  sentence: string;
  organizationName: string;
  draftName: string | null;
  url: string;
  at: Date;
};

export type TMail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put in HTML, as text: nothing a user wrote is ever markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** A subject line holds one line: line breaks (from a name or a comment) become spaces, and it is kept short. */
function subjectLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 150 ? `${line.slice(0, 149)}…` : line;
}

function where(item: TMailItem): string {
  return item.draftName ? `${item.organizationName}, in draft “${item.draftName}”` : item.organizationName;
}

const FOOTER = "You get this email because of your notification settings in Remit";

/** One notification sent at once. */
export function instantMail(item: TMailItem, settingsUrl: string): TMail {
  const text = [
    item.sentence,
    "",
    `${where(item)}`,
    `Open in Remit: ${item.url}`,
    "",
    "--",
    `${FOOTER}: ${settingsUrl}`,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(item.sentence)}</p>`,
    `<p>${escapeHtml(where(item))}<br><a href="${escapeHtml(item.url)}">Open in Remit</a></p>`,
    `<p style="color:#64748b">${FOOTER}: <a href="${escapeHtml(settingsUrl)}">change them</a>.</p>`,
  ].join("\n");
  return { subject: subjectLine(`[Remit] ${item.sentence}`), text, html };
}

/** Several notifications gathered into one daily mail, oldest first. */
export function digestMail(items: readonly TMailItem[], settingsUrl: string, inboxUrl: string): TMail {
  const count = items.length === 1 ? "1 notification" : `${items.length} notifications`;
  const text = [
    `Your Remit digest: ${count}.`,
    "",
    ...items.flatMap((item) => [`- ${item.sentence}`, `  ${where(item)}: ${item.url}`, ""]),
    `Your inbox: ${inboxUrl}`,
    "",
    "--",
    `${FOOTER}: ${settingsUrl}`,
  ].join("\n");
  const html = [
    `<p>Your Remit digest: ${count}.</p>`,
    "<ul>",
    ...items.map(
      (item) =>
        `<li><p>${escapeHtml(item.sentence)}<br>${escapeHtml(where(item))}: <a href="${escapeHtml(item.url)}">open in Remit</a></p></li>`,
    ),
    "</ul>",
    `<p><a href="${escapeHtml(inboxUrl)}">Your inbox</a></p>`,
    `<p style="color:#64748b">${FOOTER}: <a href="${escapeHtml(settingsUrl)}">change them</a>.</p>`,
  ].join("\n");
  return { subject: `[Remit] Your daily digest: ${count}`, text, html };
}
