-- A draft is made by copying its source's map (live's, or another draft's) inside PostgreSQL, without a journal entry
-- per copied row: before, each draft of a 1,000-team map added 21k entries (seven drafts tripled the journal). The
-- draft's journal begins at its creation; its History shows what was done in it since, and before its creation it
-- reads as it was made (there is nothing to rewind).
--
-- Only remit_copy_map skips the journal, and only into a draft's workspace made in the same transaction (its
-- organization row's xmin is the current transaction), still empty, inside a write named "draft.create": no other
-- write can leave the journal behind. It names the workspace in the setting remit.map_copy; the journal triggers on
-- INSERT are split off with a WHEN clause that lets rows of the organisation it names through unjournalled (one
-- setting read per row: every other write pays nothing more), and a statement trigger refuses any insert while the
-- setting names anything but a draft's workspace made in this transaction (one check per statement, not per row).

-- A copied row's id: new, made from the draft's workspace and the source row's id, so that each INSERT … SELECT
-- finds the ids of the rows it refers to without a table of pairs. Shaped like the cuid()s Prisma makes.
CREATE FUNCTION "remit_copy_id"(target_id text, source_row_id text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'c' || substr(md5(target_id || '/' || source_row_id), 1, 24)
$$;

-- Whether an organisation is a draft's workspace made in the current transaction: the only one remit_copy_map
-- copies into, and the only one remit.map_copy may name.
CREATE FUNCTION "remit_is_new_draft_workspace"(organization_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "organization" o WHERE o."id" = organization_id AND o."draft_of_id" IS NOT NULL
    AND o.xmin = pg_current_xact_id()::xid)
$$;

CREATE FUNCTION "remit_copy_map"(source_id text, target_id text) RETURNS void LANGUAGE plpgsql AS $$
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
  PERFORM set_config('remit.map_copy', '', true);
END;
$$;

CREATE FUNCTION "remit_guard_map_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  copying text := nullif(current_setting('remit.map_copy', true), '');
BEGIN
  IF copying IS NOT NULL AND NOT remit_is_new_draft_workspace(copying) THEN
    RAISE EXCEPTION 'remit: rows skip the journal only when remit_copy_map copies a map into a new draft';
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "journal" ON "person";
DROP TRIGGER "journal" ON "team";
DROP TRIGGER "journal" ON "slot";
DROP TRIGGER "journal" ON "duty";
DROP TRIGGER "journal" ON "assignment";

CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "person" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "team" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "slot" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "duty" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER UPDATE OR DELETE ON "assignment" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();

CREATE TRIGGER "journal_insert" AFTER INSERT ON "person" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_insert" AFTER INSERT ON "team" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_insert" AFTER INSERT ON "slot" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_insert" AFTER INSERT ON "duty" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal_insert" AFTER INSERT ON "assignment" FOR EACH ROW
  WHEN (coalesce(current_setting('remit.map_copy', true), '') <> NEW."organization_id") EXECUTE FUNCTION "remit_journal_row"();

CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "person" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "team" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "slot" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "duty" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
CREATE TRIGGER "journal_copy_guard" AFTER INSERT ON "assignment" FOR EACH STATEMENT EXECUTE FUNCTION "remit_guard_map_copy"();
