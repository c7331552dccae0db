-- Review of drafts (issue 23): the organisation's settings, a draft's submission, its reviewers and their reviews.
ALTER TABLE "organization" ADD COLUMN "approvals_required" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "viewers_may_comment" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "draft" ADD COLUMN "submitted_at" TIMESTAMPTZ(3),
  ADD COLUMN "submitted_by_name" TEXT;

CREATE TABLE "draft_reviewer" (
    "draft_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    CONSTRAINT "draft_reviewer_pkey" PRIMARY KEY ("draft_id", "user_id")
);
CREATE INDEX "draft_reviewer_organization_id_idx" ON "draft_reviewer"("organization_id");
ALTER TABLE "draft_reviewer" ADD CONSTRAINT "draft_reviewer_draft_id_fkey" FOREIGN KEY ("draft_id")
  REFERENCES "draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "draft_reviewer" ADD CONSTRAINT "draft_reviewer_user_id_fkey" FOREIGN KEY ("user_id")
  REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "draft_reviewer" ADD CONSTRAINT "draft_reviewer_organization_id_fkey" FOREIGN KEY ("organization_id")
  REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "draft_review" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "reviewer_name" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    CONSTRAINT "draft_review_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "draft_review_draft_id_idx" ON "draft_review"("draft_id");
ALTER TABLE "draft_review" ADD CONSTRAINT "draft_review_draft_id_fkey" FOREIGN KEY ("draft_id")
  REFERENCES "draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Withdraws the standing approvals of an unpublished draft, when a write changed its map, and records it in the
-- draft's own History (a journal note of its workspace): `sentence` with {approvers} replaced by their names. Called
-- inside the write's transaction (lib/server/kernel/run-write.ts), only for a write to a draft's workspace: with
-- `group_id` after an interactive write (nothing is withdrawn when the group has no journal entry: the write changed
-- nothing), or without it from the one statement that changed a cell (called once per changed row). A function, so
-- that its statements see what committed while the write waited for the workspace's lock (an approval given
-- meanwhile). The note is the workspace's, whose row the write holds already: a note of the live organisation would
-- wait for its row (a foreign key's lock), which a publish of the draft holds while it waits for the workspace's.
CREATE FUNCTION "remit_withdraw_approvals"(p_draft_id text, p_group_id text, p_actor jsonb, p_sentence text)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  withdrawn integer;
BEGIN
  IF p_group_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "journal_entry" j JOIN "draft" d ON j."organization_id" = d."workspace_id"
    WHERE d."id" = p_draft_id AND j."group_id" = p_group_id
  ) THEN
    RETURN 0;
  END IF;
  WITH changed AS (
    UPDATE "draft_review" r SET "withdrawn_at" = CURRENT_TIMESTAMP
    FROM "draft" d
    WHERE r."draft_id" = p_draft_id AND d."id" = r."draft_id" AND d."published_at" IS NULL
      AND r."decision" = 'approve' AND r."withdrawn_at" IS NULL
    RETURNING d."workspace_id", r."reviewer_name"
  )
  INSERT INTO "journal_note" ("id", "organization_id", "group_id", "actor_kind", "actor_id", "actor_name", "action",
    "sentence")
  SELECT nextval('journal_entry_id_seq'), changed."workspace_id", gen_random_uuid()::text, p_actor->>'kind',
    p_actor->>'id', p_actor->>'name', 'draft.approval-withdrawn',
    replace(p_sentence, '{approvers}', string_agg(changed."reviewer_name", ', ' ORDER BY changed."reviewer_name"))
  FROM changed GROUP BY changed."workspace_id";
  GET DIAGNOSTICS withdrawn = ROW_COUNT;
  RETURN withdrawn;
END;
$$;
