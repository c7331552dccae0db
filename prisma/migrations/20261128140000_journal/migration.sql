-- CreateTable
CREATE TABLE "journal_entry" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "team_id" TEXT,
    "person_ids" TEXT[],
    "refs" TEXT[],
    "before" JSONB,
    "after" JSONB,
    "undoes_group_id" TEXT,

    CONSTRAINT "journal_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "journal_entry_organization_id_id_idx" ON "journal_entry"("organization_id", "id");

-- CreateIndex
CREATE INDEX "journal_entry_organization_id_group_id_idx" ON "journal_entry"("organization_id", "group_id");

-- CreateIndex
CREATE INDEX "journal_entry_organization_id_entity_key_id_idx" ON "journal_entry"("organization_id", "entity_key", "id");

-- CreateIndex
CREATE INDEX "journal_entry_organization_id_team_id_id_idx" ON "journal_entry"("organization_id", "team_id", "id");

-- CreateIndex
CREATE INDEX "journal_entry_undoes_group_id_idx" ON "journal_entry"("undoes_group_id");

-- AddForeignKey
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every change to the map's tables writes journal entries in the same transaction. The writer names itself first
-- with set_config('remit.journal', '{"group":…,"actorKind":…,"actorId":…,"actorName":…,"action":…}', true)
-- (lib/server/journal/journal-context.ts); a change without it is refused, so that no write path can forget the
-- journal. The one exception is deleting an organisation, whose rows go with it.
CREATE FUNCTION "remit_journal_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  context jsonb := nullif(current_setting('remit.journal', true), '')::jsonb;
  old_row jsonb;
  new_row jsonb;
  row_data jsonb;
  entity_key text;
  team_id text;
  person_ids text[];
  refs text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - 'created_at' - 'updated_at'; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - 'created_at' - 'updated_at'; END IF;
  row_data := coalesce(new_row, old_row);
  IF context IS NULL THEN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "organization" WHERE "id" = row_data->>'organization_id') THEN
      RETURN NULL;
    END IF;
    RAISE EXCEPTION 'remit: a change to % without a journal context (set remit.journal first)', TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NULL; END IF;

  entity_key := row_data->>'id';
  refs := ARRAY[]::text[];
  person_ids := ARRAY[]::text[];
  IF TG_TABLE_NAME = 'person' THEN
    person_ids := ARRAY[row_data->>'id'];
  ELSIF TG_TABLE_NAME = 'team' THEN
    team_id := row_data->>'id';
  ELSIF TG_TABLE_NAME = 'slot' THEN
    team_id := row_data->>'team_id';
    refs := ARRAY[row_data->>'team_id'];
    person_ids := array_remove(ARRAY[old_row->>'holder_id', new_row->>'holder_id'], NULL);
    refs := refs || person_ids;
  ELSIF TG_TABLE_NAME = 'assignment' THEN
    entity_key := (row_data->>'slot_id') || ':' || (row_data->>'duty_id');
    team_id := row_data->>'team_id';
    refs := ARRAY[row_data->>'team_id', row_data->>'slot_id', row_data->>'duty_id'];
    person_ids := array_remove(ARRAY[(SELECT s."holder_id" FROM "slot" s WHERE s."id" = row_data->>'slot_id')], NULL);
  END IF;

  INSERT INTO "journal_entry" ("organization_id", "group_id", "actor_kind", "actor_id", "actor_name", "action",
    "entity", "entity_id", "entity_key", "team_id", "person_ids", "refs", "before", "after", "undoes_group_id")
  VALUES (row_data->>'organization_id', context->>'group', context->>'actorKind', context->>'actorId',
    context->>'actorName', context->>'action', TG_TABLE_NAME, row_data->>'id', entity_key, team_id, person_ids,
    refs, old_row, new_row, context->>'undoes');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "person" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "team" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "slot" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "duty" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();
CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "assignment" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();

-- Append-only: entries are never edited, and deleted only with their organisation.
CREATE FUNCTION "remit_journal_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "organization" WHERE "id" = OLD."organization_id") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'remit: the journal is append-only';
END;
$$;

CREATE TRIGGER "append_only" BEFORE UPDATE OR DELETE ON "journal_entry" FOR EACH ROW EXECUTE FUNCTION "remit_journal_append_only"();
