-- Flag events for every organisation, coalesced (issues 20 and 23). The inbox tells Managers and Owners of flags
-- whether or not a webhook listens, so flag events can no longer wait for a subscribed endpoint; and one analysis of
-- the whole map per write (what a job per journal group cost) would put a busy organisation's writes behind its own
-- flag work. So each write group of a map only notes itself as pending here, in its own transaction (visible when it
-- commits, gone if it rolls back), and the organisation's one `events.flags` job takes every pending group at once
-- (lib/server/events/flag-events.ts): one after another when they are few, as one change when a burst brought many.
CREATE TABLE "flag_event_pending" (
    "organization_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    -- The group's first journal entry: the groups are taken in this order.
    "first_seq" BIGINT NOT NULL,
    "noted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "flag_event_pending_pkey" PRIMARY KEY ("organization_id", "group_id")
);
ALTER TABLE "flag_event_pending" ADD CONSTRAINT "flag_event_pending_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The organisation's `events.flags` job, due after `delay`; a job already waiting keeps its moment (preserve_run_at),
-- and one running gets a successor.
CREATE FUNCTION "remit_queue_flag_job"(organization_id TEXT, delay INTERVAL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'events.flags',
    json_build_object('organizationId', organization_id),
    run_at => now() + delay,
    max_attempts => 5,
    job_key => 'events.flags:' || organization_id,
    job_key_mode => 'preserve_run_at');
END;
$$;

-- As before, the first journal entry of each group acts, once per group (the transaction-local setting remembers the
-- group), and creating an organisation, seeding it or copying live into a draft introduces nothing to hear of. The
-- job is queued (two seconds ahead) only by a group that finds no other pending: while some are, a job waits for them
-- already, and the job queues its successor for what came meanwhile. Every write of a burst updating the one job's
-- row would make them wait for each other's commits. Should a group still be left without a job (it committed
-- between the job's taking and its look for more), the workers' sweep queues one (queueStrandedFlagEvents).
CREATE OR REPLACE FUNCTION "remit_queue_flag_events"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seen TEXT := NEW.organization_id || ':' || NEW.group_id;
BEGIN
  IF current_setting('remit.flag_events', true) IS NOT DISTINCT FROM seen THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('remit.flag_events', seen, true);
  IF NEW.action IN ('organization.create', 'system.seed', 'draft.create') THEN
    RETURN NULL;
  END IF;
  INSERT INTO "flag_event_pending" ("organization_id", "group_id", "first_seq")
  VALUES (NEW.organization_id, NEW.group_id, NEW.id)
  ON CONFLICT DO NOTHING;
  IF to_regnamespace('graphile_worker') IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "flag_event_pending" p WHERE p.organization_id = NEW.organization_id AND p.group_id <> NEW.group_id
  ) THEN
    PERFORM remit_queue_flag_job(NEW.organization_id, interval '2 seconds');
  END IF;
  RETURN NULL;
END;
$$;
