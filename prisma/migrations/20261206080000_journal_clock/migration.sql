-- A writer may date its entries (context "at"): only in-process callers can, to build a history through the real
-- write path (the benchmark's year of use, tests of time travel). Every request's write leaves it out and gets the
-- transaction's start time, as before.
CREATE OR REPLACE FUNCTION "remit_journal_row"() RETURNS trigger LANGUAGE plpgsql AS $$
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

  INSERT INTO "journal_entry" ("organization_id", "at", "group_id", "actor_kind", "actor_id", "actor_name", "action",
    "entity", "entity_id", "entity_key", "team_id", "person_ids", "refs", "before", "after", "undoes_group_id")
  VALUES (row_data->>'organization_id', coalesce((context->>'at')::timestamptz, CURRENT_TIMESTAMP), context->>'group',
    context->>'actorKind', context->>'actorId', context->>'actorName', context->>'action', TG_TABLE_NAME,
    row_data->>'id', entity_key, team_id, person_ids, refs, old_row, new_row, context->>'undoes');
  RETURN NULL;
END;
$$;
