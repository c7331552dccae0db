-- Drafts carry rules (issue 21): a draft's workspace has rule rows of its own, copied with its map by remit_copy_map
-- (unjournalled, as the map's rows are: the draft's journal begins at its creation), and its base document lists the
-- rules it was made under, which publishing merges against.

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
  INSERT INTO "team" ("id", "organization_id", "key", "name", "description", "updated_at")
    SELECT remit_copy_id(target_id, t."id"), target_id, t."key", t."name", t."description", now()
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

-- Before, a draft used its live organisation's rules: the drafts not yet published get a copy of them now, and their
-- base the same list, so that they go on judging by the rules they were judged by, and publishing one changes no rule
-- it did not change. Copied while the journal's trigger is being split (no writer is named here).
DROP TRIGGER "journal" ON "rule";
INSERT INTO "rule" ("id", "organization_id", "rule_id", "severity", "params", "exempt_teams", "updated_at")
  SELECT d."workspace_id" || ':' || r."rule_id", d."workspace_id", r."rule_id", r."severity", r."params",
    r."exempt_teams", now()
  FROM "draft" d JOIN "rule" r ON r."organization_id" = d."organization_id"
  WHERE d."published_at" IS NULL
  ON CONFLICT DO NOTHING;

-- Exempt teams follow their team's key from now on (the writes that rename or delete a team change the rules in step):
-- keys left behind by a team renamed or deleted before, which matched nothing, are dropped, so that every exported
-- map's rules name only teams it has and can be imported back.
UPDATE "rule" r SET "exempt_teams" = ARRAY(
    SELECT k FROM unnest(r."exempt_teams") k
    WHERE EXISTS (SELECT 1 FROM "team" t WHERE t."organization_id" = r."organization_id" AND t."key" = k) ORDER BY k)
  WHERE EXISTS (SELECT 1 FROM unnest(r."exempt_teams") k
    WHERE NOT EXISTS (SELECT 1 FROM "team" t WHERE t."organization_id" = r."organization_id" AND t."key" = k));

-- A base lists the rules that differ from their defaults (a document's rules it does not list are at their defaults
-- when the whole list is read, see resolveRules), each exempting only teams the base has.
UPDATE "draft" d SET "base" = d."base" || jsonb_build_object('rules', coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'id', r."rule_id", 'severity', r."severity", 'params', r."params",
      'exemptTeams', to_jsonb(ARRAY(
        SELECT k FROM unnest(coalesce(r."exempt_teams", '{}')) k
        WHERE k IN (SELECT t->>'key' FROM jsonb_array_elements(d."base"->'teams') t) ORDER BY k))
    ) ORDER BY r."rule_id")
    FROM "rule" r WHERE r."organization_id" = d."organization_id"), '[]'::jsonb))
  WHERE d."published_at" IS NULL AND NOT d."base" ? 'rules';

CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "rule" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_insert" AFTER INSERT ON "rule" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "rule" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
