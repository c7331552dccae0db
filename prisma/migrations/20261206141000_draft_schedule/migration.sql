-- A draft's scheduled publish (issue 22): the moment, who scheduled it, and a refusal for conflicts with live.
-- The job that runs it lives in graphile-worker's own schema, which the app's workers create at start.
ALTER TABLE "draft" ADD COLUMN "scheduled_at" TIMESTAMPTZ(3),
  ADD COLUMN "scheduled_by" JSONB,
  ADD COLUMN "schedule_refusal" JSONB;
