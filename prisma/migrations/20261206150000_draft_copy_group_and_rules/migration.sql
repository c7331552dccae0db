-- The draft copy copies both what drafts carry since this session: the rules (20261206140000_draft_rules) and each
-- team's group (20261206143000_team_group). Those two migrations were written side by side, and each redefined
-- remit_copy_map without the other's part: the later one (team_group) dropped the copy of the rules. This is the
-- function with both.

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
  INSERT INTO "slot" ("id", "organization_id", "team_id", "key", "role", "title", "holder_id", "allocation", "order",
      "updated_at")
    SELECT remit_copy_id(target_id, s."id"), target_id, remit_copy_id(target_id, s."team_id"), s."key", s."role",
      s."title", CASE WHEN s."holder_id" IS NULL THEN NULL ELSE remit_copy_id(target_id, s."holder_id") END,
      s."allocation", s."order", now()
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
