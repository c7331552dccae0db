-- Terms (issue 22): a slot's holder can have an end, and a planned next holder from a moment. At the moment, the job
-- queue's task "slot.term" (lib/server/slots/slot-terms.ts) applies it through the app's write path.
ALTER TABLE "slot" ADD COLUMN "holder_until" TIMESTAMPTZ(3),
  ADD COLUMN "next_holder_id" TEXT,
  ADD COLUMN "next_holder_from" TIMESTAMPTZ(3);
CREATE INDEX "slot_next_holder_id_idx" ON "slot"("next_holder_id");
ALTER TABLE "slot" ADD CONSTRAINT "slot_next_holder_id_fkey" FOREIGN KEY ("next_holder_id") REFERENCES "person"("id")
  ON DELETE SET NULL ON UPDATE CASCADE;

-- Every writer of a term (a PATCH of the slot, an import, a publish, an undo, a restore) goes through this trigger, so
-- the job that applies the term is (re)queued in the transaction that sets it, under the slot's key: a later change
-- replaces it. Drafts' terms are a plan, applied when they are published, not on their own. The queue's schema is
-- made by the app's workers at start (lib/server/jobs); before it exists there is no worker to run a job either, and
-- the workers' start-up sweep (the same task, for every slot due) catches up.
CREATE OR REPLACE FUNCTION "remit_queue_slot_term"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NULL
    OR EXISTS (SELECT 1 FROM "organization" o WHERE o."id" = NEW."organization_id" AND o."draft_of_id" IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM graphile_worker.add_job('slot.term', json_build_object('slotId', NEW."id"),
    run_at => least(NEW."holder_until", NEW."next_holder_from"), max_attempts => 5,
    job_key => 'slot.term:' || NEW."id", job_key_mode => 'replace');
  RETURN NULL;
END;
$$;
CREATE TRIGGER "queue_term" AFTER INSERT OR UPDATE OF "holder_until", "next_holder_from" ON "slot" FOR EACH ROW
  WHEN (NEW."holder_until" IS NOT NULL OR NEW."next_holder_from" IS NOT NULL)
  EXECUTE FUNCTION "remit_queue_slot_term"();

-- The draft copy copies terms too (and, as before, each team's group and the rules).
CREATE OR REPLACE FUNCTION "remit_copy_map"(source_id text, target_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  live_id text;
BEGIN
  IF nullif(current_setting('remit.journal', true), '')::jsonb->>'action' IS DISTINCT FROM 'draft.create' THEN
    RAISE EXCEPTION 'remit: a map is copied only to make a draft (journal context "draft.create")';
  END IF;
  IF NOT remit_is_new_draft_workspace(target_id) THEN
    RAISE EXCEPTION 'remit: a map is copied only into a draft workspace made in the same transaction';
  END IF;
  SELECT o."draft_of_id" INTO live_id FROM "organization" o WHERE o."id" = target_id;
  IF source_id IS DISTINCT FROM live_id
    AND NOT EXISTS (SELECT 1 FROM "organization" o WHERE o."id" = source_id AND o."draft_of_id" = live_id) THEN
    RAISE EXCEPTION 'remit: a draft copies the map of its live organisation or of another of its drafts';
  END IF;
  IF EXISTS (SELECT 1 FROM "person" WHERE "organization_id" = target_id)
    OR EXISTS (SELECT 1 FROM "team" WHERE "organization_id" = target_id)
    OR EXISTS (SELECT 1 FROM "duty" WHERE "organization_id" = target_id) THEN
    RAISE EXCEPTION 'remit: a map is copied only into an empty draft workspace';
  END IF;

  PERFORM set_config('remit.map_copy', target_id, true);
  INSERT INTO "person" ("id", "organization_id", "key", "name", "email", "capacity", "updated_at")
    SELECT remit_copy_id(target_id, p."id"), target_id, p."key", p."name", p."email", p."capacity", now()
    FROM "person" p WHERE p."organization_id" = source_id;
  INSERT INTO "duty" ("id", "organization_id", "key", "name", "description", "required", "order", "updated_at")
    SELECT remit_copy_id(target_id, d."id"), target_id, d."key", d."name", d."description", d."required", d."order",
      now()
    FROM "duty" d WHERE d."organization_id" = source_id;
  INSERT INTO "team" ("id", "organization_id", "key", "name", "description", "group", "updated_at")
    SELECT remit_copy_id(target_id, t."id"), target_id, t."key", t."name", t."description", t."group", now()
    FROM "team" t WHERE t."organization_id" = source_id;
  INSERT INTO "slot" ("id", "organization_id", "team_id", "key", "role", "title", "holder_id", "holder_until",
      "next_holder_id", "next_holder_from", "allocation", "order", "updated_at")
    SELECT remit_copy_id(target_id, s."id"), target_id, remit_copy_id(target_id, s."team_id"), s."key", s."role",
      s."title", CASE WHEN s."holder_id" IS NULL THEN NULL ELSE remit_copy_id(target_id, s."holder_id") END,
      s."holder_until",
      CASE WHEN s."next_holder_id" IS NULL THEN NULL ELSE remit_copy_id(target_id, s."next_holder_id") END,
      s."next_holder_from", s."allocation", s."order", now()
    FROM "slot" s WHERE s."organization_id" = source_id;
  -- A draft's cells start at version 1, as they did when drafts were made by importing the live map.
  INSERT INTO "assignment" ("id", "organization_id", "team_id", "duty_id", "slot_id", "level", "version", "updated_at")
    SELECT remit_copy_id(target_id, a."id"), target_id, remit_copy_id(target_id, a."team_id"),
      remit_copy_id(target_id, a."duty_id"), remit_copy_id(target_id, a."slot_id"), a."level", 1, now()
    FROM "assignment" a WHERE a."organization_id" = source_id;
  -- The rules too (rows of the rules that differ from their defaults; the id as ruleRowId makes it), so that a draft
  -- starts under its source's rules and can try a change of them.
  INSERT INTO "rule" ("id", "organization_id", "rule_id", "severity", "params", "exempt_teams", "updated_at")
    SELECT target_id || ':' || r."rule_id", target_id, r."rule_id", r."severity", r."params", r."exempt_teams", now()
    FROM "rule" r WHERE r."organization_id" = source_id;
  PERFORM set_config('remit.map_copy', '', true);
END;
$$;
