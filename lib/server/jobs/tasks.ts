import "server-only";
import { publishScheduledDraft } from "@/lib/server/drafts/schedule-draft";
import { deliverWebhook } from "@/lib/server/events/deliver-webhook";
import { emailDigest, emailNotification } from "@/lib/server/events/email-notifications";
import { emitFlagEvents, queueStrandedFlagEvents } from "@/lib/server/events/flag-events";
import { notifyRecipients } from "@/lib/server/events/notify-recipients";
import { announceTermEnding, applySlotTerm, queueEveryTerm } from "@/lib/server/slots/slot-terms";
import type { TRunnableTask } from "./job-queue";

/**
 * Every task the job queue runs. A feature declares its task beside its use cases (defineTask) and adds jobs for it
 * (addJob); listing it here is what makes the workers run it. The one file of lib/server/jobs that imports features.
 */
export const TASKS: readonly TRunnableTask[] = [
  publishScheduledDraft,
  applySlotTerm,
  announceTermEnding,
  emitFlagEvents,
  deliverWebhook,
  notifyRecipients,
  emailNotification,
  emailDigest,
];

/** The tasks of jobs that every write to a map queues for its organisation. */
export const EVERY_WRITES_TASKS: readonly TRunnableTask[] = [emitFlagEvents];

/** What each worker does once the queue's tables exist, before it takes jobs: features' catch-ups. */
export const ON_START: readonly (() => Promise<void>)[] = [queueEveryTerm, queueStrandedFlagEvents];

/** What each worker does every few seconds while it runs (with freeing the locks of dead workers' jobs). */
export const SWEEPS: readonly (() => Promise<void>)[] = [queueStrandedFlagEvents];
