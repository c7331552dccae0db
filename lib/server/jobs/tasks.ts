import "server-only";
import { publishScheduledDraft } from "@/lib/server/drafts/schedule-draft";
import { deliverWebhook } from "@/lib/server/events/deliver-webhook";
import { emitFlagEvents } from "@/lib/server/events/flag-events";
import type { TRunnableTask } from "./job-queue";

/**
 * Every task the job queue runs. A feature declares its task beside its use cases (defineTask) and adds jobs for it
 * (addJob); listing it here is what makes the workers run it. The one file of lib/server/jobs that imports features.
 */
export const TASKS: readonly TRunnableTask[] = [publishScheduledDraft, emitFlagEvents, deliverWebhook];
