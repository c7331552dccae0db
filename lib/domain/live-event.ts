import type { TRaciLevel } from "@/lib/domain/model";
import type { TPlanProgress } from "@/lib/domain/plan-model";

/** A committed change to an organisation's map: small (ids and versions), never whole rows. */
export type TChangeEvent = {
  type: "change";
  organizationId: string;
  /** What changed; "map" means "reload everything" (imports, splits, deletions that cascade). */
  entity: "assignment" | "slot" | "team" | "person" | "duty" | "map";
  ids: string[];
  /** For a cell: its new state, so that browsers patch it without reloading the map. */
  cell?: { teamId: string; dutyId: string; slotId: string; level: TRaciLevel | null; version: number };
  actor: { id: string; name: string };
  at: number;
};

/** Who is looking at which page (and cell) right now. */
export type TPresenceEvent = {
  type: "presence";
  organizationId: string;
  clientId: string;
  user: { id: string; name: string };
  path: string;
  /** The focused cell on a team page, as "dutyId:slotId". */
  focus: string | null;
  /** False when the tab leaves. */
  isHere: boolean;
  at: number;
};

/**
 * Someone's access to the organisation was taken away or changed (a member removed or given another role, a token
 * revoked): their open event streams check it again at once. Servers consume it; browsers never receive it.
 */
export type TAccessEvent = {
  type: "access";
  organizationId: string;
  /** The user's id, or the API token's. */
  subjectId: string;
  at: number;
};

/**
 * A comment thread of the live organisation changed (a comment written, edited or deleted, the thread resolved or
 * reopened): open pages showing its team or draft refetch the threads. Ids only, never the text.
 */
export type TCommentEvent = {
  type: "comment";
  organizationId: string;
  threadId: string;
  teamId: string | null;
  draftId: string | null;
  actor: { id: string; name: string };
  at: number;
};

/**
 * Notifications arrived in these members' inboxes (from an event of the organisation): their open pages refetch the
 * inbox's unread count. Servers pass it on only to the streams of the users it names, without the list.
 */
export type TNotificationEvent = {
  type: "notification";
  organizationId: string;
  userIds: string[];
  at: number;
};

/**
 * A suggested plan's progress while the server works on it (see TPlanProgress): servers pass it on only to the
 * streams of the one who asked (a user, or an API token), by the id their request gave it.
 */
export type TPlanProgressEvent = TPlanProgress & {
  type: "plan_progress";
  organizationId: string;
  subjectId: string;
  requestId: string;
  at: number;
};

export type TLiveEvent =
  TChangeEvent | TPresenceEvent | TAccessEvent | TCommentEvent | TNotificationEvent | TPlanProgressEvent;
