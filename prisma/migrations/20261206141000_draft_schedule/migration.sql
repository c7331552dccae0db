-- A draft's scheduled publish (issue 22): the moment, who scheduled it, and a refusal for conflicts with live.
-- The job that runs it lives in graphile-worker's own schema, which the app's workers create at start.
ALTER TABLE "draft" ADD COLUMN "scheduled_at" TIMESTAMPTZ(3),
  ADD COLUMN "scheduled_by" JSONB,
  ADD COLUMN "schedule_refusal" JSONB;

-- What History records that changed no row of the map (a scheduled publish refused): one line each, numbered from
-- the journal's own sequence (the writer takes nextval('journal_entry_id_seq')) so that History orders and pages
-- them among the journal's actions.
CREATE TABLE "journal_note" (
    "id" BIGINT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "sentence" TEXT NOT NULL,
    CONSTRAINT "journal_note_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "journal_note_organization_id_id_idx" ON "journal_note"("organization_id", "id");
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_organization_id_fkey" FOREIGN KEY ("organization_id")
  REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
